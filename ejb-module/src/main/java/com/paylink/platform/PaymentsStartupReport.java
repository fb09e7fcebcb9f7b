package com.paylink.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Says at start-up whether this server can take cards in the operator's payment mode: SEVERE with every
 * problem (never a key's value), so a missing key is seen before the first payer. The readiness endpoint
 * ({@code GET /health/ready}, {@code web.HealthServlet}) says the same to a load balancer.
 */
@Startup
@Singleton
public class PaymentsStartupReport {

    private static final Logger LOG = Logger.getLogger(PaymentsStartupReport.class.getName());

    @Inject
    PaymentsConfig payments;

    @PostConstruct
    void report() {
        List<String> problems = payments.problems();
        String mode = payments.mode().name().toLowerCase(Locale.ROOT);
        if (problems.isEmpty()) {
            LOG.info(() -> "card payments: " + mode + " mode, configured");
        } else {
            LOG.severe(() -> "card payments are NOT available (" + mode + " mode): " + String.join("; ", problems));
        }
    }
}
