package com.paylink.mail.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Records that the mail with this key went out, so that a redelivered request sends nothing again. */
@Entity
@Table(name = "sent_mail")
public class SentMail {

    @Id
    @Column(name = "mail_key", length = 100)
    private String key;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    protected SentMail() {
        // for JPA
    }

    public SentMail(String key, Instant sentAt) {
        this.key = key;
        this.sentAt = sentAt;
    }

    public String key() {
        return key;
    }

    public Instant sentAt() {
        return sentAt;
    }
}
