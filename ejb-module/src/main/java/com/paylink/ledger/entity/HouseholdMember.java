package com.paylink.ledger.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A person in the client's Household Information, e.g. a minor client's guardian. */
@Entity
@Table(name = "household_member")
public class HouseholdMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "client_id", nullable = false)
    private Client client;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String relationship;

    @Column(nullable = false)
    private String name;

    private String email;

    protected HouseholdMember() {
        // for JPA
    }

    HouseholdMember(Client client, int position, String relationship, String name, String email) {
        this.client = client;
        this.position = position;
        this.relationship = relationship;
        this.name = name;
        this.email = email;
    }

    public Long id() {
        return id;
    }

    public int position() {
        return position;
    }

    public String relationship() {
        return relationship;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }
}
