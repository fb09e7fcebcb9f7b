/**
 * Collection (issue 24): balance reminders on the practice's schedule, so a practice collects its open balances without
 * chasing each one by hand, while staff stay in control of who is contacted and how often.
 * <p>{@code BalanceReminders} (the schedule's runs, a client's reminder state for the ledger, the client's own stop);
 * its one table, {@code balance_reminder}. The practice's schedule is the practice capability's ({@code ReminderDays});
 * the pauses and the stop are recorded on the ledger's client and invoice; the links are issued by the paymentlink
 * capability, as a resend is.
 *
 * <h2>Rules</h2>
 * <ul>
 * <li>C1. Only where the practice's Admin turned balance reminders on (off by default) and the practice takes cards, a
 * client with unpaid invoices that had a link gets reminder n of k on day d(n) of the schedule, counted from the first
 * link of their oldest such invoice; at most k in all, one at a time (a run that finds two due sends the later), each a
 * fresh link for every such invoice (one link for several, replacing the links the client holds for them), in the
 * practice's name, by email (the last link's address while it is on file, else the first on file) and by text where
 * the client consented (T1), never neither. Each is in the invoice's history and on the link ("reminder n of k").</li>
 * <li>C2. Reminders stop at once when the balance is paid or voided, when an invoice is disputed (that invoice leaves
 * them), and when the client chooses "Stop these reminders" (a link in every reminder email: one click, no sign-in,
 * recorded in the client's history; a GET never stops them, so a mail scanner cannot). Every reminder email names that
 * address as its RFC 2369 {@code List-Unsubscribe} with RFC 8058's one-click POST, so the mail client's own
 * "Unsubscribe" stops them too.</li>
 * <li>C3. Staff with Billing (and Admins) pause reminders for a client or one invoice, with a reason, and resume them;
 * a paused client or invoice gets none from the next run on.</li>
 * <li>C4. A reminder is claimed before it is sent (a unique row per client, schedule and number, under the invoices'
 * locks): two runs, or two servers, never send the same reminder twice.</li>
 * <li>C5. A paper statement (Billing or Admin, from the ledger) lists the client's unpaid invoices (number, date, amount,
 * paid, balance) and their total, nothing clinical, with a QR code and the address of a link for that total; the link is
 * issued when the statement is made (its token minted then, only its hash kept), works the practice's statement
 * lifetime (1-30 days), replaces the client's links for those invoices, and is on the ledger like any other. Nothing
 * owed: no statement, no link. From Open balances, a batch makes many clients' statements (one PDF, one client after
 * another by name); in a batch, a client who already holds a working statement's link is skipped, so a batch pressed
 * twice never kills a printed link.</li>
 * <li>C6. Open balances (Billing and Admins): the practice's clients who owe, filtered and paged in the database; a batch
 * send to some or all of them (at most the practice's cap) runs in the background as the staff member who started it,
 * one client per transaction under the invoices' locks: a client is skipped with its reason (owes nothing now, already
 * has a working link, no address and no texts, no consent, opted out) or sent one link for their unpaid invoices by
 * email and by text where they consented; each client's outcome is recorded once. A batch pressed twice, or two staff
 * at once, never contacts a client twice (the second finds the first's working link).</li>
 * <li>C7. A batch survives its server: the runner beats on the batch as each client is done; a batch not finished whose
 * beat is two minutes old is claimed by one server (a conditional update) and run on from the clients it had not
 * reached. A statements batch's statements (each carries a working link's address, kept nowhere else) are erased 24
 * hours after it finished.</li>
 * </ul>
 */
package com.paylink.collection;
