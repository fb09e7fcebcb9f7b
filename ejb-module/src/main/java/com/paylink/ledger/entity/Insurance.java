package com.paylink.ledger.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The "Insurance Info" half of the client's Bill To &amp; Insurance Info tab. */
@Embeddable
public class Insurance {

    @Column(name = "insurance_payer_name")
    private String payerName;

    @Column(name = "insurance_member_id")
    private String memberId;

    @Column(name = "insurance_group_number")
    private String groupNumber;

    protected Insurance() {
        // for JPA
    }

    public Insurance(String payerName, String memberId, String groupNumber) {
        this.payerName = payerName;
        this.memberId = memberId;
        this.groupNumber = groupNumber;
    }

    public static Insurance none() {
        return new Insurance(null, null, null);
    }

    public String payerName() {
        return payerName;
    }

    public String memberId() {
        return memberId;
    }

    public String groupNumber() {
        return groupNumber;
    }
}
