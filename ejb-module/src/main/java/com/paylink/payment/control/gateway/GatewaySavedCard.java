package com.paylink.payment.control.gateway;

/**
 * Issue 25: a card saved on a customer at the gateway, as the gateway reports it: its id (a Stripe PaymentMethod),
 * the customer it is attached to (null once detached), brand, last four digits, expiry and funding type (credit,
 * debit, prepaid, unknown). Nothing else of the card reaches Paylink.
 */
public record GatewaySavedCard(String reference, String customer, String brand, String last4, int expMonth, int expYear,
                               String funding) {
}
