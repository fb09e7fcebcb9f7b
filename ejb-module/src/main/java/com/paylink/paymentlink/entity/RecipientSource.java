package com.paylink.paymentlink.entity;

/** The three places on a client where a payment link's recipient email can come from. */
public enum RecipientSource {
    CLIENT_DETAILS,
    HOUSEHOLD,
    BILL_TO
}
