/**
 * One-time payment links: issue (send, resend), revoke, read their state; the link email.
 * <p>Operations ({@code PaymentLinkService}): sendOptions, send, revoke, current, linkStates, auditTrail.
 * <p>Rules:
 * <ol>
 * <li>PL1. Only staff with the Billing permission send or revoke links, checked in the boundary
 * ({@code @RolesAllowed} and the permission in the database), whatever the page showed.</li>
 * <li>PL2. Only a practice enrolled in card processing sends links. A link goes to an email from the
 * client's Client Details, Household Information or Bill To &amp; Insurance Info; default Bill To, else
 * Client Details, else the first household member with an email. No address, an unknown choice or an
 * invalid address is refused with its own message.</li>
 * <li>PL3. The invoice belongs to the caller's practice, is neither void nor paid, and has a positive balance.
 * A link works until {@code expiresAt} (24 hours after sending unless {@code paylink.link.lifetime} says
 * otherwise), checked whenever it is used, whatever a timer did.</li>
 * <li>PL4. A link pays at most once.</li>
 * <li>PL5. One active link per invoice: sending again revokes the earlier link; concurrent sends for one
 * invoice are serialised by a lock on the invoice, and a unique column backs it in the database.</li>
 * <li>PL6. The token has 256 bits from {@code SecureRandom}; only its SHA-256 hash is stored; it is never
 * logged. The email names the practice (subject) and the staff member (sender) and carries the amount,
 * the link, its expiry and that no account is needed; nothing clinical, not the client's name.</li>
 * <li>PL7. The email is requested through JMS in the sending transaction: it goes out only after commit,
 * is retried while SMTP is down, and is sent once per link. Every send, resend and revoke is audited
 * with who, when, which source and the masked address.</li>
 * </ol>
 */
package com.paylink.paymentlink;
