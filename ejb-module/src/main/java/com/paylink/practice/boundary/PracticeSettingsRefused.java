package com.paylink.practice.boundary;

import com.paylink.shared.BusinessException;

/** P5: a setting is outside what is allowed (its message says the range); nothing was saved. */
public class PracticeSettingsRefused extends BusinessException {

    private final String code;

    public PracticeSettingsRefused(String code, Object... args) {
        super("practice settings refused: " + code, args);
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
