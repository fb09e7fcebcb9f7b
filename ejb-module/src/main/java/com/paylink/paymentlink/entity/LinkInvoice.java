package com.paylink.paymentlink.entity;

import com.paylink.ledger.entity.Invoice;
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

/**
 * One invoice of a payment link, at its place in the order a payment is allocated (oldest first). While the
 * link is active, {@code activeInvoiceId} holds the invoice's id; the column is unique, so an invoice is in at
 * most one active link (PL5).
 */
@Entity
@Table(name = "payment_link_invoice")
public class LinkInvoice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "payment_link_id", nullable = false)
    private PaymentLink link;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "invoice_id", nullable = false)
    private Invoice invoice;

    @Column(nullable = false)
    private int position;

    /** The balance when the link was sent; null for links sent before links covered several invoices. */
    @Column(name = "amount_minor")
    private Long amountMinor;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "active_invoice_id")
    private Long activeInvoiceId;

    protected LinkInvoice() {
        // for JPA
    }

    LinkInvoice(PaymentLink link, Invoice invoice, int position) {
        this.link = link;
        this.invoice = invoice;
        this.position = position;
        Money balance = invoice.balance();
        this.amountMinor = balance.amountMinor();
        this.currency = balance.currency();
        this.activeInvoiceId = invoice.id();
    }

    void closed() {
        activeInvoiceId = null;
    }

    /** The invoice's id while this link holds its "active" slot (PL5), else null. */
    public Long activeInvoiceId() {
        return activeInvoiceId;
    }

    public PaymentLink link() {
        return link;
    }

    public Invoice invoice() {
        return invoice;
    }

    public int position() {
        return position;
    }

    /** The balance when the link was sent, if known. */
    public Money amountAtSend() {
        return amountMinor == null ? null : Money.ofMinor(amountMinor, currency);
    }
}
