package com.paylink.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/**
 * For readiness: whether the database and the message broker answer now. Each check says what went
 * wrong in words (the kind of failure), never a connection string or a credential.
 */
@ApplicationScoped
public class Dependencies {

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory broker;

    public Optional<String> databaseProblem() {
        try {
            Object one = em.createNativeQuery("select 1").setHint("jakarta.persistence.query.timeout", 3000)
                    .getSingleResult();
            return one == null ? Optional.of("the database gave no answer") : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("the database does not answer (" + e.getClass().getSimpleName() + ")");
        }
    }

    public Optional<String> brokerProblem() {
        try (JMSContext context = broker.createContext()) {
            context.getMetaData(); // opens the connection
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("the message broker does not answer (" + e.getClass().getSimpleName() + ")");
        }
    }
}
