package com.paylink.ledger.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** The "Bill To" half of the client's Bill To &amp; Insurance Info tab. */
@Embeddable
public class BillTo {

    @Enumerated(EnumType.STRING)
    @Column(name = "bill_to_party", nullable = false)
    private BillToParty party = BillToParty.CLIENT;

    @Column(name = "bill_to_name")
    private String name;

    @Column(name = "bill_to_email")
    private String email;

    @Column(name = "bill_to_phone")
    private String phone;

    protected BillTo() {
        // for JPA
    }

    public BillTo(BillToParty party, String name, String email, String phone) {
        this.party = party;
        this.name = name;
        this.email = email;
        this.phone = phone;
        if (party == BillToParty.OTHER_PERSON && (name == null || name.isBlank())) {
            throw new IllegalArgumentException("a bill-to person needs a name");
        }
    }

    public static BillTo client() {
        return new BillTo(BillToParty.CLIENT, null, null, null);
    }

    public BillToParty party() {
        return party;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }
}
