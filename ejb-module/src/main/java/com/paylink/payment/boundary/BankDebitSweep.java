package com.paylink.payment.boundary;

import com.paylink.payment.control.Gateways;
import com.paylink.payment.control.SandboxGateway;
import com.paylink.payment.control.StripeAttempts;
import com.paylink.payment.entity.Gateway;
import com.paylink.platform.DatabaseMigrator;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * PAY18 in the offline sandbox: its bank answers a debit some time after it was submitted, and nothing sends a
 * webhook, so every 30 seconds the sandbox debits under way are read again and what the bank answered is applied as a
 * Stripe webhook's would be (posted and receipted, or returned with a fresh link). The sandbox keeps its intents in
 * this server's memory: a debit taken by another server, or before a restart, is left to the server that has it.
 * Stripe's debits are settled by their webhooks and, if one is missed, by reconciliation (PAY14).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class BankDebitSweep {

    static final int MAX_PER_RUN = 100;
    private static final Logger LOG = Logger.getLogger(BankDebitSweep.class.getName());

    @Inject
    Gateways gateways;

    @Inject
    SandboxGateway sandbox;

    @Inject
    StripeAttempts attempts;

    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false, info = "apply the sandbox bank's answers")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void scheduled() {
        if (!DatabaseMigrator.schemaReady() || gateways.activeKind() != Gateway.SANDBOX) {
            return;
        }
        applyAnswers();
    }

    /** @return how many sandbox debits were read */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int applyAnswers() {
        int read = 0;
        for (StripeAttempts.Debit debit : attempts.debitsUnderWay(Gateway.SANDBOX, null, MAX_PER_RUN)) {
            if (!sandbox.knows(debit.reference())) {
                continue; // taken by another server, or before this one restarted
            }
            try {
                attempts.apply(Gateway.SANDBOX, sandbox.retrieve(debit.reference()));
                read++;
            } catch (RuntimeException e) { // another server or request applied it first: nothing to do
                LOG.log(Level.FINE, "sandbox debit " + debit.reference() + " applied elsewhere", e);
            }
        }
        return read;
    }
}
