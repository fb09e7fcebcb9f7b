package com.paylink.payment.boundary;

import com.paylink.shared.BusinessException;

/** The gateway could not be reached or is not configured, so card processing cannot be set up now. */
public class CardProcessingUnavailable extends BusinessException {

    public CardProcessingUnavailable() {
        super("card processing cannot be set up now");
    }

    @Override
    public String code() {
        return "card-processing-unavailable";
    }
}
