package com.paylink.practice.entity;

/** P6: the display name on the practice's emails to clients (the address is always the practice's own). */
public enum EmailFrom {
    /** The staff member who sent the link, as the help page says (the default). */
    STAFF_NAME,
    /** The practice's name, whoever sent it. */
    PRACTICE_NAME
}
