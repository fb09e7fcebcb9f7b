package com.paylink.ledger.boundary;

import com.paylink.ledger.entity.InvoiceStatus;
import com.paylink.shared.Money;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** One invoice as the ledger lists it (staff only: it names the service and the provider). */
public record InvoiceRow(long id, String number, LocalDate issuedOn, Instant appointmentAt, String serviceType,
                         String providerName, Money total, Money paid, Money adjusted, Money balance,
                         InvoiceStatus status, boolean disputed) implements Serializable {
}
