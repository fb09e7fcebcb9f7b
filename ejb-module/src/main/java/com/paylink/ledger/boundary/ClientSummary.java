package com.paylink.ledger.boundary;

import com.paylink.shared.Money;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One row of the client list. {@code email} is the client's own (Client Details), else the Bill To's, else
 * the first household member's; {@code emailSource} says which ({@code client}, {@code billTo},
 * {@code household}), so a client whose only address is a parent's or a payer's does not look unreachable.
 */
public record ClientSummary(long id, String sortName, LocalDate dateOfBirth, String email, String emailSource,
                            String phone, Money balance) implements Serializable {
}
