package com.paylink.notification.entity;

/** What a staff notification is about. */
public enum NotificationKind {
    /** A client paid through a link (N1). */
    PAYMENT_RECEIVED,
    /** A link locked after too many declined cards (N5); for Admins. */
    LINK_LOCKED,
    /** A charge the invoice could not take (paid meanwhile) was refunded to the payer (N6); for Admins. */
    CHARGE_REFUNDED,
    /** A payer disputed a payment with their bank (N7); for Admins. */
    DISPUTE_OPENED,
    /** A dispute was lost: the money went back to the payer (N7); for Admins. */
    DISPUTE_LOST,
    /** A dispute was won (N7); for Admins. */
    DISPUTE_WON,
    /** The bank returned a client's bank debit (N8); for Billing staff and Admins. */
    BANK_PAYMENT_RETURNED,
    /** A refund made at the card processor could not all be kept on the ledger (N7); for Admins. */
    MONEY_NOT_APPLIED,
    /** Issue 23 (T6): a link's text was not sent or not delivered; for the staff member who sent it. */
    TEXT_FAILED,
    /** PL10 (issue 24): a client asked for a new link that no one sent on its own; for the staff member who sent the link. */
    NEW_LINK_ASKED
}
