/**
 * Payments out: signed webhooks to a practice's own systems.
 * <p>Operations: {@code WebhookService} (Admins: register an endpoint, rotate its secret, turn it off, resend an
 * event, read the deliveries), {@code WebhookSchedule} (finds new facts and delivers them).
 * <p>Rules:
 * <ol>
 * <li>P9. A practice's Admins, and only they, register one endpoint (https, or a loopback address on a test or demo
 * server) and read its signing secret. From then on Paylink posts each fact of the practice (payment.succeeded,
 * payment.refunded, dispute.created, dispute.won, dispute.lost, link.sent, link.expired) once as an event: JSON
 * without anything clinical or personal (Paylink's and the practice's ids, the invoice number, amounts), signed like
 * Stripe's (header {@code Paylink-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}), delivered at least
 * once, in order of creation per invoice (an event waits while an earlier one of its invoice is undelivered), retried
 * with a doubling back-off for three days; every attempt and its answer is kept and shown, and an Admin can send an
 * event again.</li>
 * </ol>
 */
package com.paylink.outbound;
