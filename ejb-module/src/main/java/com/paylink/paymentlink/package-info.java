/**
 * One-time payment links: issue (send, resend), revoke, read their state, the link email; and the payer's
 * side of a link: open, renew on request, lock for a payment, settle. A link covers one invoice, or several
 * invoices of one client (PL12). This capability alone writes {@code payment_link}, {@code payment_link_invoice}
 * and {@code payment_link_audit}.
 * <p>Operations: {@code PaymentLinkService} (staff): sendOptions, send (one invoice or several), revoke, current, linkStates,
 * auditTrail. {@code PayerLinkService} (public): open, find, requestNewLink; for the payment capability in
 * its transaction: lockForPayment, settle, lock (PAY10). {@code LinkExpirySweep}: the expiry schedule.
 * <p>Rules:
 * <ol>
 * <li>PL1. Only staff with the Billing permission send or revoke links, checked in the boundary
 * ({@code @RolesAllowed} and the permission in the database), whatever the page showed.</li>
 * <li>PL2. Only a practice enrolled in card processing sends links. A link goes to an email from the
 * client's Client Details, Household Information or Bill To &amp; Insurance Info; default Bill To, else
 * Client Details, else the first household member with an email. No address, an unknown choice or an
 * invalid address is refused with its own message.</li>
 * <li>PL3. The invoice belongs to the caller's practice and can take a payment (ledger rule L7: neither
 * void nor paid, a positive balance). A link works until {@code expiresAt} (24 hours after sending unless
 * {@code paylink.link.lifetime} says otherwise), checked whenever it is used, whatever a timer did.</li>
 * <li>PL4. A link pays at most once, and only while it works: {@code PaymentLink.unusableAt} is the one
 * answer every payment path asks (paid, expired or revoked, nothing due).</li>
 * <li>PL5. One active link per invoice: sending again for the same invoices revokes the earlier link; an
 * invoice in another link that still works is refused (PL12); concurrent sends for one invoice are serialised
 * by a lock on the invoice, and a unique column ({@code payment_link_invoice.active_invoice_id}) backs it in the
 * database.</li>
 * <li>PL6. The token has 256 bits from {@code SecureRandom}; only its SHA-256 hash is stored; it is minted
 * where the email is sent, so no message, queue, log line or row ever holds it. The email names the practice (subject) and the staff member (sender) and carries the invoice
 * number, the day it was sent, the amount, the link, its expiry and that no account is needed; nothing
 * clinical, not the client's name.</li>
 * <li>PL7. The email is requested through the mail port in the sending transaction (M1, M2): it goes out
 * only after commit, is retried while SMTP is down, and a link closed before its mail went out gets none.
 * Every send, resend, revoke and payment is audited with who, when, which source and the masked address.</li>
 * <li>PL8. Opening a link (GET) never uses it up: it finds the link by its token's hash and records when
 * it was viewed, nothing else. Unknown, malformed, expired and revoked links look the same from outside.</li>
 * <li>PL9. A charge the gateway confirmed is settled on its link in the paying transaction: the link is
 * paid and audited, never twice; a charge started while the link worked settles even if it has since
 * expired or been revoked (the money is in).</li>
 * <li>PL10. "Email me a new link" renews only an expired link (never a revoked or locked one), only to the
 * address the expired link went to while the client still has it on file, in the practice's name, at most
 * every 15 minutes per invoice, only while the invoice can be paid and the practice is enrolled; the audit
 * says the payer asked; the page says the same whatever happened. A request that renews nothing on its own (a
 * revoked or locked link, no address to renew it to) while the invoices can be paid and no other link for them
 * works reaches the staff member who sent the link (the Admins when no one did) in the inbox, at most every 15
 * minutes per invoice, so a person decides (issue 24).</li>
 * <li>PL11. Where the practice turned the expiry reminder on (P5), a link gets one reminder email the chosen
 * hours before it expires, fixed when it is sent: PHI-free like the first (PL6), with its own token for the
 * same link, only once (the schedule claims it with a conditional update, so two servers never both queue
 * it; the mail is keyed), and never to a link paid, revoked, locked or expired by the time it goes out.</li>
 * <li>PL12. One link for several invoices: staff with Billing pick payable invoices of one client (at most 100,
 * one currency); every rule above holds for each of them, and an invoice already in another link that still
 * works is refused with its number. One email lists their numbers and asks for their total; the link is paid
 * once, in full (no part payment, PAY16), for the sum of their live balances, and the payment is allocated oldest first
 * in the paying transaction (L14). Every path that changes the link or pays it locks all its invoices in id
 * order. If any of them stopped being payable (voided, paid another way) the link takes nothing and the page
 * says so; revoking, expiring or paying the link frees all its invoices; renewing it (PL10) renews all of them
 * or none.</li>
 * <li>PL13. A payer's short session (opened link, form secret, started PaymentIntent, the next page's messages)
 * is the payer's own cookie, sealed with AES-GCM under keys every server of a cluster shares
 * ({@code PayerSessionKeys}; ADR 0012), so any server continues it and a page view writes nothing; 20 minutes
 * without use ends it. The link's rows stay the only authority on what may be paid.</li>
 * </ol>
 */
package com.paylink.paymentlink;
