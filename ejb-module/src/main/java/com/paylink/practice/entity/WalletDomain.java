package com.paylink.practice.entity;

import java.time.Instant;

/**
 * P7: Paylink's public domain as registered for Apple Pay and Google Pay on a practice's card-processing account, and
 * what the gateway answered: available, or not with its reason.
 */
public record WalletDomain(String domain, boolean available, String detail, Instant checkedAt) {
}
