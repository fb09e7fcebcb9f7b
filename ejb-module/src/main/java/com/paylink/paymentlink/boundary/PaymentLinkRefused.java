package com.paylink.paymentlink.boundary;

import com.paylink.shared.BusinessException;

/**
 * A payment link cannot be sent or revoked for a reason staff can act on. Each reason has its own code
 * and message (bundle key {@code error.<code>}), the same on the page and in the API.
 */
public class PaymentLinkRefused extends BusinessException {

    /** The reasons, with their stable codes. */
    public enum Reason {
        PRACTICE_NOT_ENROLLED("practice-not-enrolled"),
        CARD_PROCESSING_NOT_CONFIGURED("card-processing-not-configured"),
        INVOICE_VOID("invoice-void"),
        INVOICE_PAID("invoice-paid"),
        INVOICE_NO_BALANCE("invoice-no-balance"),
        NO_RECIPIENT_EMAIL("no-recipient-email"),
        INVALID_RECIPIENT_EMAIL("invalid-recipient-email"),
        UNKNOWN_RECIPIENT("unknown-recipient"),
        NO_ACTIVE_LINK("no-active-link"),
        /** PL12: one of the invoices is in another link that still works (the argument is its number). */
        INVOICE_IN_ANOTHER_LINK("invoice-in-another-link"),
        /** PAY18: a bank debit for the invoice is on its way (invoice number, amount, the day it started). */
        BANK_PAYMENT_PROCESSING("bank-payment-processing"),
        NO_INVOICES("no-invoices-selected"),
        TOO_MANY_INVOICES("too-many-invoices"),
        INVOICES_OF_SEVERAL_CLIENTS("invoices-of-several-clients"),
        INVOICES_IN_SEVERAL_CURRENCIES("invoices-in-several-currencies"),
        /** T2: neither email nor text was chosen. */
        NO_CHANNEL("no-channel"),
        /** T1: the client has no mobile number on Client Details. */
        NO_MOBILE_NUMBER("no-mobile-number"),
        /** T1: the client has not agreed to texts (argument: the masked number). */
        NO_TEXT_CONSENT("no-text-consent"),
        /** T6: the client opted out of texts (replied STOP, or told staff); argument: the masked number. */
        TEXT_OPTED_OUT("text-opted-out"),
        /** T5: the practice has no texting sender yet (an Admin sets it under Admin > Text messages). */
        TEXTING_NOT_SET_UP("texting-not-set-up"),
        /** T5: this server has no Twilio account configured. */
        TEXTING_NOT_CONFIGURED("texting-not-configured");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public PaymentLinkRefused(Reason reason, Object... args) {
        super("payment link refused: " + reason.code(), args);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String code() {
        return reason.code();
    }
}
