package com.paylink.ledger.entity;

/** Issue 23 (T1): whether a client may be texted at their mobile number. */
public enum TextConsent {
    /** Never recorded (or the number changed since): no texts. */
    NONE,
    /** The client agreed: texts may go, within quiet hours. */
    GIVEN,
    /** The client withdrew it (told staff, or replied STOP): no texts until they agree again. */
    WITHDRAWN
}
