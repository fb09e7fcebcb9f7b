package com.paylink.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One sign-in attempt (S2): who, when, from where, how, and what came of it. Never the password. */
@Entity
@Table(name = "sign_in_attempt")
public class SignInAttempt {

    public static final int MAX_USERNAME = 100;
    public static final int MAX_ADDRESS = 64;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = MAX_USERNAME)
    private String username;

    @Column(name = "staff_id")
    private Long staffId;

    @Column(name = "practice_id")
    private Long practiceId;

    @Column(nullable = false, length = MAX_ADDRESS)
    private String address;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private SignInChannel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private SignInOutcome outcome;

    @Column(name = "attempted_at", nullable = false)
    private Instant attemptedAt;

    protected SignInAttempt() {
        // for JPA
    }

    public SignInAttempt(String username, Staff staff, String address, SignInChannel channel, SignInOutcome outcome, Instant at) {
        this.username = clip(username, MAX_USERNAME);
        this.staffId = staff == null ? null : staff.id();
        this.practiceId = staff == null ? null : staff.practice().id();
        this.address = clip(address, MAX_ADDRESS);
        this.channel = channel;
        this.outcome = outcome;
        this.attemptedAt = at;
    }

    private static String clip(String value, int max) {
        String v = value == null ? "" : value;
        return v.length() > max ? v.substring(0, max) : v;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public Long staffId() {
        return staffId;
    }

    public String address() {
        return address;
    }

    public SignInChannel channel() {
        return channel;
    }

    public SignInOutcome outcome() {
        return outcome;
    }

    public Instant attemptedAt() {
        return attemptedAt;
    }
}
