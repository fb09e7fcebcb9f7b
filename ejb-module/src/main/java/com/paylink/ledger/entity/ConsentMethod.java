package com.paylink.ledger.entity;

/** Issue 23 (T1): how a client's text consent (or its withdrawal) came to be recorded. */
public enum ConsentMethod {
    /** Staff asked the client in person (or on the phone) and recorded the answer. */
    IN_PERSON,
    /** The client signed the practice's form. */
    ON_FORM,
    /** The client texted START (or UNSTOP, YES) to the practice's number. */
    REPLIED_START,
    /** The client texted STOP (or STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT). */
    REPLIED_STOP,
    /** The client told staff to stop texting them. */
    TOLD_STAFF
}
