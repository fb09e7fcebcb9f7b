/**
 * The staff inbox: in-app notifications of completed payments.
 * <p>Operations ({@code NotificationService}): paymentCompleted (from the PaymentCompleted queue), unreadCount,
 * linkLocked and chargeRefunded (from the same queue), inbox, markRead, markAllRead.
 * <p>Rules:
 * <ol>
 * <li>N1. A completed payment notifies the appointment's rendering provider only if they hold Billing,
 * and every active Admin of the practice; a staff member who is both hears once. A payment of several invoices
 * (PL12) notifies each invoice's rendering provider with Billing and every Admin, each person once, with the
 * total and every invoice number.</li>
 * <li>N2. Each person is notified once per payment, however often the event is delivered.</li>
 * <li>N3. An event for an unknown payment is an error: it is redelivered and finally dead-lettered,
 * never dropped silently.</li>
 * <li>N4. Staff see, count and mark only their own notifications.</li>
 * <li>N5. A link locked after too many declined cards (PAY10) notifies every active Admin of the practice,
 * once each.</li>
 * <li>N6. A charge refunded because the invoice had been paid another way (PAY11) notifies every active
 * Admin of the practice, once each.</li>
 * <li>N7. A dispute opened, lost or won (PAY13) notifies every active Admin of the practice, once each.</li>
 * <li>N8. A bank debit the bank returned (PAY18) notifies every active Billing staff member and Admin of the
 * practice, once each.</li>
 * <li>N8. A payment's notification states the amount paid and what the invoice still owed right after it
 * ("Remaining balance" or "Paid in full"; PAY16), as the ledger posted it, however late it is read.</li>
 * <li>N9. After the notifying transaction commits, the recipients' unread counts reach their open staff pages on
 * every server of a cluster ({@code InboxBroadcast}: the topic {@code InboxChanged}, one subscription per server),
 * best effort: a count that does not get through shows at the page's next load.</li>
 * </ol>
 */
package com.paylink.notification;
