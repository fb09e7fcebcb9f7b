package com.paylink.practice.boundary;

import com.paylink.shared.BusinessException;

/** P4: the phone number or the email address for clients is not one a client could use; nothing was saved. */
public class PracticeContactRefused extends BusinessException {

    private final String code;

    public PracticeContactRefused(String code, String value) {
        super("practice contact refused: " + code, value);
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
