package com.paylink.ledger.entity;

import com.paylink.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One billed item of an invoice; its description may be clinical and stays on staff pages. */
@Entity
@Table(name = "invoice_line")
public class InvoiceLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "invoice_id", nullable = false)
    private Invoice invoice;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String description;

    @Column(nullable = false)
    private int quantity;

    @Column(name = "unit_amount_minor", nullable = false)
    private long unitAmountMinor;

    protected InvoiceLine() {
        // for JPA
    }

    InvoiceLine(Invoice invoice, int position, String description, int quantity, Money unitPrice) {
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("a line needs a description");
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
        if (unitPrice.isNegative()) {
            throw new IllegalArgumentException("unit price must not be negative");
        }
        this.invoice = invoice;
        this.position = position;
        this.description = description.trim();
        this.quantity = quantity;
        this.unitAmountMinor = unitPrice.amountMinor();
    }

    public int position() {
        return position;
    }

    public String description() {
        return description;
    }

    public int quantity() {
        return quantity;
    }

    public Money unitPrice() {
        return Money.ofMinor(unitAmountMinor, invoice.currency());
    }

    public Money total() {
        return unitPrice().times(quantity);
    }
}
