/**
 * Clients, their appointments and invoices, and the ledger that adds them up.
 * <p>Operations ({@code LedgerService}): search clients, Client Profile, Ledger (its totals, then each list a
 * page at a time, sorted by a whitelisted column: all invoices, unpaid invoices, payments, refunds,
 * adjustments), invoice details, change a client's preferred language. {@code PaymentPostings}: postCardPayment for one or several invoices (inside
 * another boundary's transaction).
 * <p>Rules:
 * <ol>
 * <li>L1. An invoice's balance is its total minus its payments minus its adjustments; nothing stores it.</li>
 * <li>L2. A payment is positive, in the invoice's currency, and never more than the balance.</li>
 * <li>L3. An adjustment lowers the balance and never below zero; it needs a reason.</li>
 * <li>L4. Only an invoice with nothing paid can be voided; a void invoice takes no postings and counts
 * for nothing in the client's balance.</li>
 * <li>L5. Status is derived: VOID if voided, else PAID at a zero balance, PARTIALLY_PAID once something
 * was paid, else OPEN.</li>
 * <li>L6. Staff see only their own practice's clients and invoices (P1); others are "not found"
 * ({@code identity.control.PracticeScope}, the one practice-scoped finder).</li>
 * <li>L7. One answer to "can this invoice take a payment?": {@code Invoice.notPayable()} (void, paid, or
 * nothing due), asked by sending, viewing, renewing and settling a link alike.</li>
 * <li>L8. Card payments are posted by {@code PaymentPostings} in the paying transaction, each with a
 * unique receipt number and gateway reference; only the ledger writes its own tables.</li>
 * <li>L9. A refund gives back part or all of a card payment: positive, in the invoice's currency, never more
 * than is left of the payment after refunds done or under way, with a reason. Only a completed refund lowers
 * what was paid (and so raises the balance); a refused one holds nothing back. A refund the gateway reports
 * (made in its dashboard, or Paylink's own) is applied once by its reference.</li>
 * <li>L10. A dispute of a card payment flags its invoice while open; lost, the disputed money goes back to the
 * payer (a completed refund row); won, nothing changes. Each reported state applies once.</li>
 * <li>L11. A client's preferred language is one of the offered languages ({@code shared.Languages}: those with
 * bundle files) or not chosen; only Billing staff and Admins change it, checked in the boundary against the
 * database. Their link, reminder, receipt and refund emails are in it (not chosen or unknown: English), and so
 * are the payment pages of their links, before the browser's language.</li>
 * <li>L12. Of a card, a payment keeps at most the brand code and the last four digits, as the gateway reported
 * them ({@code shared.CardSummary} refuses anything else; the column holds four characters), or nothing.</li>
 * <li>L13. Each payment keeps what the invoice still owed right after it was posted (its "balance after"), so
 * a receipt or a notification composed later states what remained then (PAY16); nothing changes it.</li>
 * <li>L14. One card charge for several invoices is allocated oldest first (issue date, then id), each invoice
 * taking up to its balance ({@code control.Allocation}, a function of the amount and the invoices: a part payment
 * of one invoice is its one-invoice case), and posted as one payment per invoice in the paying transaction, all
 * with the charge's gateway reference and one receipt number (unique per invoice), so the ledger shows each
 * invoice's payment and each can be refunded on its own.</li>
 * <li>L15. Clients and invoices come in from the practice (its billing system by API, or the forms), by Billing staff
 * and Admins only: by the practice's own ids, unique within the practice, so the same record sent again changes
 * nothing; bad input is refused with the field's problem and changes nothing; an invoice with a payment or an
 * adjustment keeps its number, date, lines and provider, a paid one is not voided, a void one is not reopened, and an
 * invoice does not change client or currency.</li>
 * <li>L16. A practice's Admins import clients and invoices from a CSV file: the file is read as it streams and kept
 * only on disk until the import ends; its columns are mapped (remembered per practice and kind); a preview shows what
 * the first rows would do, each refused row's problem in words; each row is imported in its own transaction through
 * L15's rules, so a refused row changes nothing, the others are imported, and importing the same file again changes
 * nothing; a cell that starts like a spreadsheet formula is refused.</li>
 * </ol>
 */
package com.paylink.ledger;
