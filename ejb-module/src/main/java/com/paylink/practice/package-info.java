/**
 * The practice: the organisation, its card-processing enrolment and its sending address.
 * <p>Rules:
 * <ol>
 * <li>P1. Every client, staff member, appointment and invoice belongs to exactly one practice; staff
 * see only their own practice's records (enforced by the ledger and identity boundaries).</li>
 * <li>P2. Only a practice enrolled in card processing may send payment links. Enrolled means the practice's
 * own account at the gateway (Stripe Connect) can take charges, as the gateway last reported it
 * ({@code charges_enabled}); pending and restricted accounts (with the gateway's reasons) are not.</li>
 * <li>P3. Each practice is paid into its own account: every intent, refund and lookup for the practice's
 * payments goes to that account. An Admin starts onboarding (the gateway's hosted pages) and refreshes the
 * status; the account id is set once.</li>
 * <li>P4. A practice may keep a phone number and an email address for its clients (optional, checked when an
 * Admin saves them). A payment page that cannot take a payment (expired, used, revoked, locked, or cards
 * unavailable) shows them, so the client knows how to reach the practice; an unknown token shows no
 * practice at all.</li>
 * <li>P5. An Admin, and only an Admin, changes the practice's settings: link lifetime (1-720 hours, up to 30 days; default
 * 24), partial payments (default off; the smallest amount, at least 0.50), the expiry reminder (default off;
 * whole hours before expiry, less than the lifetime) and the emails' From name. A value out of range is
 * refused with its reason and nothing changes; each changed setting is audited with who, when, old and new
 * value. A change applies to links sent after it: a link keeps what it was sent with.</li>
 * <li>P6. A link's emails come from the practice's address with, as display name, the staff member who sent
 * it (the default, as the help page says) or the practice's name, as the practice chose; a link the client
 * asked for comes in the practice's name.</li>
 * <li>P7. Apple Pay and Google Pay are offered to a practice's payers only on a domain registered for the
 * practice's own account (direct charges: the account that takes the charge). Paylink registers its public
 * domain there when the account can take charges (on the gateway's {@code account.updated} and on "Check status
 * now") and records the gateway's answer, available or not with its reason, which the Card processing page
 * shows.</li>
 * <li>P8. Payers may pay by US bank account (ACH debit) only where the practice's Admin turned it on in Practice
 * settings (off by default; the fee difference is stated there; the change is audited as every setting is). The
 * practice's intents then name the card and the bank account as payment method types, and nothing else; otherwise
 * the card only.</li>
 * </ol>
 */
package com.paylink.practice;
