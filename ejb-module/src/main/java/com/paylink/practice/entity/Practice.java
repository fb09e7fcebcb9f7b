package com.paylink.practice.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/** A health-care practice: the organisation whose staff send links and whose clients pay them. */
@Entity
@Table(name = "practice")
public class Practice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    /** The address the practice's emails are sent from; the staff member's name is the display name. */
    @Column(name = "sender_email", nullable = false)
    private String senderEmail;

    @Column(name = "card_processing_enrolled", nullable = false)
    private boolean cardProcessingEnrolled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Practice() {
        // for JPA
    }

    public Practice(String name, String senderEmail, boolean cardProcessingEnrolled, Instant createdAt) {
        this.name = requireText(name, "name");
        this.senderEmail = requireText(senderEmail, "senderEmail");
        this.cardProcessingEnrolled = cardProcessingEnrolled;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value.trim();
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String senderEmail() {
        return senderEmail;
    }

    public boolean isCardProcessingEnrolled() {
        return cardProcessingEnrolled;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
