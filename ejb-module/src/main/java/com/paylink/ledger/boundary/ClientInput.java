package com.paylink.ledger.boundary;

import java.time.LocalDate;
import java.util.List;

/**
 * L15: a client as the practice's billing system (API), a CSV row or the form gives it: Client Details (names, date of
 * birth, email, phone, preferred language), Household Information (replaced as a whole when given) and Bill To.
 * {@code household} null: leave it as it is; {@code billTo} null: the client pays.
 */
public record ClientInput(String firstName, String lastName, LocalDate dateOfBirth, String email, String phone,
                          String language, List<Household> household, BillTo billTo) {

    /** One person of the household: how they relate to the client, their name, their email (optional). */
    public record Household(String relationship, String name, String email) {
    }

    /** Who pays: {@code client} or {@code other} (a person, with a name, email and phone). */
    public record BillTo(String party, String name, String email, String phone) {
    }
}
