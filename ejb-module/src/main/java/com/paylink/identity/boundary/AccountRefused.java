package com.paylink.identity.boundary;

import com.paylink.shared.BusinessException;

/**
 * I5: an invitation, a new practice or a new password was refused: a missing or malformed field, an address already
 * in use, a link that no longer works, a password that does not meet the rules. Nothing was changed.
 */
public class AccountRefused extends BusinessException {

    private final String code;

    public AccountRefused(String code, Object... args) {
        super("account refused: " + code, args);
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
