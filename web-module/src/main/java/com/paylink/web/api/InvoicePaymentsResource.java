package com.paylink.web.api;

import com.paylink.ledger.boundary.LedgerService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/invoices/{id}/payments}: what the invoice page's Payments section shows, as JSON: each payment
 * with what can still be refunded of it, and each refund with its state. Another practice's invoice is 404.
 */
@Path("/invoices/{invoiceId}/payments")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class InvoicePaymentsResource {

    @EJB
    LedgerService ledger;

    @GET
    public PaymentsJson.OfInvoice payments(@PathParam("invoiceId") long invoiceId) {
        return PaymentsJson.of(ledger.invoice(invoiceId));
    }
}
