package com.paylink.payment.boundary;

import com.paylink.payment.control.DeclineGuard;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.logging.Logger;

/**
 * PAY10: once a link's lock has committed, its open Stripe intent is canceled at once, outside the transaction, so
 * the card tester who locked it cannot go on confirming that intent at Stripe until the janitor's next run. A cancel
 * that fails now is left to the janitor (IntentJanitor, every five minutes).
 */
@ApplicationScoped
public class LockedLinkIntents {

    private static final Logger LOG = Logger.getLogger(LockedLinkIntents.class.getName());

    @EJB
    IntentJanitor janitor;

    void locked(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeclineGuard.LinkLocked event) {
        try {
            int canceled = janitor.cancelIntentsOf(event.linkId());
            LOG.info(() -> "payment link " + event.linkId() + " locked: " + canceled + " open intent(s) canceled");
        } catch (RuntimeException e) {
            LOG.warning(() -> "payment link " + event.linkId() + " locked; its intent is left to the janitor: " + e);
        }
    }
}
