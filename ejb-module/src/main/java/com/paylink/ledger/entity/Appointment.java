package com.paylink.ledger.entity;

import com.paylink.identity.entity.Staff;
import com.paylink.practice.entity.Practice;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/** A client's appointment with its rendering provider. Clinical: its details never leave the staff pages. */
@Entity
@Table(name = "appointment")
public class Appointment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "practice_id", nullable = false)
    private Practice practice;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "client_id", nullable = false)
    private Client client;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "service_type", nullable = false)
    private String serviceType;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "rendering_provider_id", nullable = false)
    private Staff renderingProvider;

    protected Appointment() {
        // for JPA
    }

    public Appointment(Client client, Instant startsAt, String serviceType, Staff renderingProvider) {
        this.client = Objects.requireNonNull(client, "client");
        this.practice = client.practice();
        this.startsAt = Objects.requireNonNull(startsAt, "startsAt");
        this.serviceType = Objects.requireNonNull(serviceType, "serviceType");
        this.renderingProvider = Objects.requireNonNull(renderingProvider, "renderingProvider");
        if (!renderingProvider.isProvider()) {
            throw new IllegalArgumentException("the rendering provider must be a provider");
        }
        if (!Objects.equals(renderingProvider.practice().id(), practice.id())) {
            throw new IllegalArgumentException("the rendering provider must belong to the client's practice");
        }
    }

    public Long id() {
        return id;
    }

    public Client client() {
        return client;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public String serviceType() {
        return serviceType;
    }

    public Staff renderingProvider() {
        return renderingProvider;
    }
}
