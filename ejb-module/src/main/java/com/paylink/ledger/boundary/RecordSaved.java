package com.paylink.ledger.boundary;

/**
 * L15: a client or invoice after a create-or-update: Paylink's id, the practice's own id, whether it was created now
 * (false: updated, or already exactly so), and for an invoice its number, status and figures.
 */
public record RecordSaved(long id, String externalId, boolean created, String number, String status, String total,
                          String paid, String balance, String currency) {
}
