/**
 * Paying a link by card: the checkout, the gateway port ({@code control.gateway}) with its adapters (the
 * in-process sandbox; Stripe in {@code control.stripe}, the only code that imports {@code com.stripe}),
 * settling a charge, Stripe's webhooks, the receipt, the payment-completed event. This capability alone
 * writes {@code payment_attempt} and {@code processed_webhook_event}; it asks {@code paymentlink} for links
 * and {@code ledger} to post payments.
 * <p>Operations: {@code CheckoutService}: view, paySandbox, startStripe (each for the full balance or, PAY16, an
 * amount the link allows), syncStripeIntent.
 * {@code StripeWebhookService}: handle. {@code IntentJanitor}: cancelStaleIntents, refundUnpostableCharges. {@code CardProcessingService} (Admins):
 * status, startOnboarding, refresh, reconcileNow. {@code ReconciliationSchedule}. {@code RefundService}: options,
 * refund. {@code ReceiptMailService}, {@code RefundMailService}: deliver. {@code ReceiptService}: forPayer, forStaff
 * (the receipt PDF).
 * <p>Rules:
 * <ol>
 * <li>PAY1. The payment page shows the practice, the invoice number, the live balance and the link's
 * expiry, or that it is paid (with the receipt number), or that it is no longer valid; nothing clinical,
 * not the client's name. For a link for several invoices (PL12) it lists each invoice number with its live
 * balance and the total, which is paid in full; if one of them changed, it says so and takes nothing.</li>
 * <li>PAY2. Never twice: one attempt per gateway intent and per idempotency key (unique columns); one
 * payment per gateway reference (unique column); a settled attempt settles nothing again; every payment
 * path locks the invoice first, so concurrent tries run one after another and the later ones find it paid.</li>
 * <li>PAY3. A charge is posted in one transaction with the link marked paid (PL9), an audit line, the
 * payment-completed event (JMS, ids only) and the receipt request (sent after commit); a charge for several
 * invoices is one event and one receipt, posted oldest first as one payment per invoice (L14). A charge the invoice
 * cannot take (already paid, void, balance now lower) or whose amount or currency differs from the
 * attempt's is not posted but flagged NEEDS_REFUND.</li>
 * <li>PAY4. The link is checked at payment time with the injected clock (PL4), whatever the expiry sweep
 * did. A declined card leaves the link usable.</li>
 * <li>PAY5. With Stripe the card is entered in Stripe's Payment Element and never reaches Paylink; the
 * PaymentIntent is created for the live balance (or the part of it the payer chose, PAY16) with an idempotency
 * key from the link and amount; success is taken from the signed webhook or by re-reading the stored intent id,
 * never from return-URL parameters.</li>
 * <li>PAY6. A webhook is acted on only with a valid signature (five minutes' tolerance), each event id
 * once, and only after re-reading the object it names from Stripe.</li>
 * <li>PAY7. The payment mode is the operator's explicit choice ({@code paylink.payments.mode}: stripe, the
 * default, or sandbox). The sandbox takes a payment only in sandbox mode, and every page then says "test
 * mode"; sandbox payments are recorded as such. In stripe mode with a missing or malformed key nothing
 * pays: links are not sent, the payment page says card payment is unavailable, the server logs it at
 * start-up and its readiness check is DOWN.</li>
 * <li>PAY8. A Stripe PaymentIntent is created (or reused, one per link, re-priced to the live balance or the part
 * of it the payer chose) only when the payer asks to pay, never while a page renders; its metadata carries the
 * link and attempt ids and the invoice numbers it pays (nothing clinical). No Stripe call is made inside a
 * transaction or while a lock is held.</li>
 * <li>PAY9. An intent does not outlive its link: open intents of revoked, replaced, expired or paid links
 * (or of invoices paid or voided otherwise) are canceled at Stripe within five minutes
 * ({@code IntentJanitor}); one that succeeded meanwhile is settled, never canceled.</li>
 * <li>PAY10. Card-testing defence: a link takes 5 declined cards ({@code paylink.pay.declines.per.link}),
 * a payer address 10 within an hour ({@code paylink.pay.declines.per.address}, counted as a hash); the next
 * decline past either locks the link (the payer is told to contact the practice, the Admins are notified),
 * and an address past its allowance pays on no link for the hour. Amount and currency are checked on every
 * settle (PAY3).</li>
 * <li>PAY11. A charge the invoice cannot take (paid meanwhile another way) is never kept: it is refunded at
 * its gateway with an idempotency key from the attempt (once, however often the job runs), the payer is
 * told on the page and by a PHI-free email, and the Admins are notified.</li>
 * <li>PAY12. Staff with Billing refund a card payment taken through a link, in full or in part, with a
 * reason, never more than is left of it; the refund is written first and its id keys the gateway's refund;
 * only a refund the gateway made lowers what was paid; the payer gets a PHI-free email; a refused refund
 * changes nothing and says so.</li>
 * <li>PAY13. Money events from Stripe are kept in the ledger: refunds made anywhere ({@code refund.*},
 * {@code charge.refunded}: each refund applied by its own id, never the charge's cumulative amount; Paylink's
 * own recognised by their key), and disputes ({@code charge.dispute.*}: an open one flags the invoice, a
 * lost one gives the money back, the Admins hear of each). Each event applies once, in one transaction with
 * its id, whatever the order, however often, however concurrently; the object is re-read from Stripe first.</li>
 * <li>PAY14. Reconciliation: every 15 minutes (and on an Admin's "Reconcile now") each practice account's
 * Stripe events since the last good run are walked and applied through the same code as the webhook, and
 * the intents our open attempts point to are re-read; a missed webhook is applied once, a repeated one not
 * at all; every run is recorded with what it could not resolve.</li>
 * <li>PAY15. Receipt PDF ({@code control.ReceiptPdf}, Apache PDFBox): practice, receipt number, date, amount,
 * the card's brand and last four digits when the gateway reported them (L12), the invoice number, "test
 * payment" for a sandbox one; nothing clinical, no client name. It goes with the receipt email and is
 * downloaded by the payer session of the link it paid ({@code /checkout/receipt}) or by staff of the payment's
 * practice ({@code /staff/receipts/<payment id>}); anyone else gets "not found".</li>
 * <li>PAY16. Partial payments: where the link was sent allowing them (P5: the practice's setting as it was
 * when the link was sent, whatever it says now), the payer pays the full balance or an amount of their own
 * from the link's minimum (or the balance, if lower) up to the balance, in cents, never leaving less than
 * the smallest card payment (0.50) to pay later; a link sent without them takes the full balance only. The
 * server decides ({@code control.PayableAmount}, one function for both gateways, under the invoice's lock
 * with the live balance); a refused amount has its own reason and charges, writes and asks the gateway
 * nothing. The intent is made for the amount decided and what the gateway took is what is posted (PAY3).
 * A paid link is used up even when a balance remains: the invoice stays payable and staff send a new link
 * for the rest. The paid page, the receipt and the staff notification state the amount paid and what
 * remains ("Paid in full" when nothing does).</li>
 * <li>PAY17. A refund staff asked for is never left half done by a server that died: one written and not
 * answered by the gateway holds its amount (another refund of it is refused as "under way") and is asked of
 * the gateway again, under its own key, once it is older than {@code paylink.refund.retry-after} (default five
 * minutes, longer than any request could still be waiting) by {@code RefundRecovery} on every server; the
 * gateway makes it once whoever asks, and the ledger and the payer's email record it once.</li>
 * <li>PAY18. A US bank account debit (where the practice allows it, P8) is posted only when the bank confirms it.
 * Confirmed and processing, its attempt is PROCESSING and its link takes no other payment and keeps its invoices
 * (no second link, no expiry); the payer is told it is on its way and the day to expect it (4 business days,
 * {@code BankDebits}). Succeeded, it is posted, receipted and notified once as a card payment is. Returned by the
 * bank, nothing was posted: the attempt is RETURNED, the link closes, a fresh link goes to the same address with
 * the bank's reason (where the invoices can still be paid and the address is still on file), and Billing and the
 * Admins are told (N8). Reconciliation re-reads debits still processing; one past Stripe's window is shown on Card
 * processing. The sandbox's bank answers after {@code SandboxGateway.BANK_DELAY} ({@code BankDebitSweep}).</li>
 * <li>PAY19. A card is saved only when the payer ticked "Save this card" (unticked by default) and gave their name:
 * the words shown beside the box (composed by the server in the payer's language), the time, the name, the link and a
 * hash of the address are recorded on the attempt, and the intent saves the card ({@code setup_future_usage}
 * off_session, the Payment Element set up alike, as Stripe.js requires) on the client's own customer on the
 * practice's account (one per client). It is kept as a card on file (brand, last four, expiry, funding; never the
 * number), with that consent, only once the payment is posted; a payment without the box saves nothing.</li>
 * <li>PAY20. A client's cards on file are shown to Billing and Admins of the practice only; Billing removes one, and
 * the client withdraws one with the link in every receipt of a payment that saved it (one click, no sign-in; a GET
 * changes nothing); either detaches it at the gateway first (if it cannot, nothing changes), then marks it removed,
 * noted in the client's history. A removed or expired card is never charged; past payments do not change.</li>
 * </ol>
 */
package com.paylink.payment;
