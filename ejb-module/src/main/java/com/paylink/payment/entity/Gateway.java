package com.paylink.payment.entity;

/** Who takes the card: Stripe when keys are configured, else the offline sandbox (no real charge). */
public enum Gateway {
    STRIPE,
    SANDBOX
}
