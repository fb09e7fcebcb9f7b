package com.paylink.payment.boundary;

import com.paylink.shared.BusinessException;

/**
 * A refund cannot be made for a reason staff can act on; each reason has its own code and message (bundle
 * key {@code error.<code>}), the same on the page and in the API.
 */
public class RefundRefused extends BusinessException {

    /** The reasons, with their stable codes. */
    public enum Reason {
        NOT_REFUNDABLE("refund-not-refundable"),
        UNDER_WAY("refund-under-way"),
        INVALID_AMOUNT("refund-invalid-amount"),
        AMOUNT_TOO_HIGH("refund-amount-too-high"),
        REASON_REQUIRED("refund-reason-required"),
        GATEWAY_REFUSED("refund-gateway-refused"),
        CARDS_UNAVAILABLE("card-processing-not-configured");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public RefundRefused(Reason reason, Object... args) {
        super("refund refused: " + reason.code(), args);
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
