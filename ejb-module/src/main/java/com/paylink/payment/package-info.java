/**
 * Paying a link by card: the checkout, the gateway port (Stripe adapter in {@code control.stripe}, the
 * offline sandbox), settling a charge, the receipt, the payment-completed event.
 * <p>Operations ({@code CheckoutService}): open, view, paySandbox, startStripe, syncStripeIntent,
 * handleStripeWebhook, requestNewLink.
 * <p>Rules:
 * <ol>
 * <li>PAY1. Opening a link (GET) never uses it up: it finds the link by its token's hash and records when
 * it was viewed, nothing else. Unknown, malformed, expired and revoked links look the same from outside.</li>
 * <li>PAY2. Never twice: one attempt per gateway intent and per idempotency key (unique columns); one
 * payment per gateway reference (unique column); a settled attempt settles nothing again; every payment
 * path locks the invoice first, so concurrent tries run one after another and the later ones find it paid.</li>
 * <li>PAY3. A charge is posted in one transaction with the link marked paid, an audit line, the
 * payment-completed event (JMS, ids only) and the receipt request (sent after commit). A charge the invoice
 * cannot take (already paid, void, balance now lower) is not posted but flagged NEEDS_REFUND.</li>
 * <li>PAY4. Expiry is checked at payment time with the injected clock, whatever the expiry sweep did.
 * A declined card leaves the link usable.</li>
 * <li>PAY5. With Stripe the card is entered in Stripe's Payment Element and never reaches Paylink; the
 * PaymentIntent is created for the live balance with an idempotency key from the link and amount; success
 * is taken from the signed webhook or by re-reading the stored intent id, never from return-URL parameters.</li>
 * <li>PAY6. "Email me a new link" renews an expired or revoked link to the address on file (same source),
 * at most every 15 minutes per invoice, and the page says the same whatever happened.</li>
 * </ol>
 */
package com.paylink.payment;
