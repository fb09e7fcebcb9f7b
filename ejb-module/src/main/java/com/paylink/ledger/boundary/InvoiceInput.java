package com.paylink.ledger.boundary;

import java.time.LocalDate;
import java.util.List;

/**
 * L15: an invoice as the practice's billing system (API), a CSV row or the form gives it. The client is named by the
 * practice's own id ({@code clientExternalId}, API and CSV) or by Paylink's ({@code clientId}, the form). The
 * rendering provider ({@code provider}: a provider's username or email) with the date and name of the service
 * ({@code serviceDate}, {@code service}; defaults: the issue date, the first line) make the invoice's appointment,
 * which says whom a payment is notified to. {@code status}: {@code open} (default) or {@code void}.
 */
public record InvoiceInput(String clientExternalId, Long clientId, String number, LocalDate issuedOn, String currency,
                           List<Line> lines, String provider, LocalDate serviceDate, String service, String status,
                           String voidReason) {

    /** One billed item: description, quantity (default 1), unit amount as a decimal such as "150.00". */
    public record Line(String description, Integer quantity, String unitAmount) {
    }
}
