package com.paylink.ledger.boundary;

import com.paylink.ledger.entity.BillToParty;

import java.time.LocalDate;
import java.util.List;

/**
 * The Client Profile page: Client Details (with the preferred language: an offered language's tag, or null
 * when not chosen), Household Information, Bill To &amp; Insurance Info.
 */
public record ClientProfile(long id, String firstName, String lastName, LocalDate dateOfBirth, String email,
                            String phone, List<Household> household, BillToParty billToParty, String billToName,
                            String billToEmail, String billToPhone, String insurancePayer, String insuranceMemberId,
                            String insuranceGroupNumber, String language) {

    public String fullName() {
        return firstName + " " + lastName;
    }

    public record Household(String relationship, String name, String email) {
    }
}
