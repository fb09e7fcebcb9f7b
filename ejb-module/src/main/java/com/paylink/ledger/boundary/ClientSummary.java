package com.paylink.ledger.boundary;

import com.paylink.shared.Money;

import java.time.LocalDate;

/** One row of the client list. */
public record ClientSummary(long id, String sortName, LocalDate dateOfBirth, String email, String phone,
                            Money balance) {
}
