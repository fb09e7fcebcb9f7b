package com.paylink.paymentlink.entity;

/** What the audit trail records about a link. */
public enum PaymentLinkAction {
    /** First link for the invoice. */
    SENT,
    /** A new link that replaced an active one. */
    RESENT,
    REVOKED,
    /** The client asked for a new link from an expired or revoked one. */
    RESENT_ON_REQUEST,
    PAID,
    /** Locked after too many declined cards. */
    LOCKED,
    /** PL11: the expiry reminder went out to the client. */
    REMINDED,
    /** PAY18: the payer confirmed a bank debit; the bank answers in days. */
    BANK_DEBIT_STARTED,
    /** PAY18: the bank returned the debit; the link closed and a fresh one went to the same address. */
    BANK_DEBIT_RETURNED,
    /** PAY18: the fresh link sent after a returned bank debit. */
    RESENT_AFTER_RETURN,
    /** Issue 23 (T2): the link's text went to the client's phone (Twilio took it). */
    TEXTED,
    /** T6: the link's text could not be sent or delivered (Twilio's reason on the ledger). */
    TEXT_FAILED,
    /**
     * PL10 (issue 24): the client asked for a new link where none could be sent on its own (a revoked or locked link,
     * an address no longer on file, a link sent by text only); the staff member who sent it was told.
     */
    NEW_LINK_ASKED,
    /** Issue 24 (C1): the link went out as a balance reminder ("reminder n of k" is on the link). */
    BALANCE_REMINDER,
    /** Issue 24 (C5): the link was printed on a paper statement (its QR code), by the staff member who made it. */
    STATEMENT
}
