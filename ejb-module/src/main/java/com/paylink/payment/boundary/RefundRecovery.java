package com.paylink.payment.boundary;

import com.paylink.payment.control.GatewayRefundCalls;
import com.paylink.payment.control.StaffRefunds;
import com.paylink.platform.DatabaseMigrator;
import com.paylink.platform.PaylinkConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * PAY17: a refund staff asked for is never left half done. The refund is written (PENDING, holding its amount)
 * before the gateway is asked; when the server dies between the two, or before the answer is recorded, nobody
 * is waiting for it any more. Every 30 seconds, on each server, the refunds still unanswered after
 * {@link PaylinkConfig#REFUND_RETRY_AFTER} are asked of the gateway again with the refund's own key: a refund
 * the gateway made already comes back as it was (Stripe's idempotency), one it never received is made now,
 * once. Recording the answer is idempotent (a refund done stays done; its email is keyed), so two servers, or
 * a late answer to the first request, change nothing twice. Stripe is called outside any transaction.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class RefundRecovery {

    /** Longer than any gateway call can take: three tries of at most 10 s to connect and 30 s to read (StripeGateway). */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofMinutes(5);
    static final int MAX_PER_RUN = 100;
    private static final Logger LOG = Logger.getLogger(RefundRecovery.class.getName());

    @Inject
    StaffRefunds refunds;

    @Inject
    GatewayRefundCalls calls;


    @Inject
    PaylinkConfig config;

    @Inject
    Clock clock;

    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false, info = "complete refunds whose request died")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void scheduled() {
        if (!DatabaseMigrator.schemaReady()) {
            return; // still starting (or failed to): see DatabaseMigrator.schemaReady
        }
        int completed = completeUnanswered();
        if (completed > 0) {
            LOG.info(() -> completed + " refunds whose request had died completed with the gateway");
        }
    }

    /** @return how many refunds the gateway answered now (done or refused) */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int completeUnanswered() {
        int answered = 0;
        for (StaffRefunds.Plan plan : refunds.unanswered(
                clock.instant().minus(config.duration(PaylinkConfig.REFUND_RETRY_AFTER, DEFAULT_RETRY_AFTER)), MAX_PER_RUN)) {
            GatewayRefundCalls.Answer answer = calls.ask(plan.call());
            try {
                switch (answer.outcome()) {
                    case DONE -> {
                        refunds.succeeded(plan.refundId(), answer.refund().reference());
                        answered++;
                    }
                    case REFUSED -> {
                        refunds.failed(plan.refundId(), answer.detail());
                        answered++;
                    }
                    case UNREACHABLE, NOT_CONFIGURED -> {
                        // logged by the call; the next run asks again under the same key
                    }
                }
            } catch (RuntimeException e) {
                // the refund changed meanwhile (another server, or the late answer to the first request, recorded it)
                LOG.log(Level.WARNING, e, () -> "refund " + plan.refundId() + ": the gateway's answer could not be recorded");
            }
        }
        return answered;
    }
}
