package com.paylink.practice.boundary;

import com.paylink.practice.entity.Practice;
import com.paylink.practice.entity.PracticeContact;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.ZoneId;

/**
 * I5: where a new practice's row is written (practice writes its own rows). Used, in the caller's transaction, by the
 * operator's onboarding, which checks who asks and what they gave.
 */
@Dependent
public class PracticeRegistry {

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    /** A new practice, not yet set up for card processing. */
    public Practice open(String name, String senderEmail, ZoneId zone, PracticeContact contact, Instant at) {
        Practice practice = new Practice(name, senderEmail, zone, contact, at);
        em.persist(practice);
        em.flush();
        return practice;
    }
}
