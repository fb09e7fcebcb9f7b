package com.paylink.identity.boundary;

import com.paylink.shared.BusinessException;

/** I4: the change would leave the practice without an active Admin; nothing was changed. */
public class StaffChangeRefused extends BusinessException {

    public StaffChangeRefused() {
        super("staff change refused: the last active Admin");
    }

    @Override
    public String code() {
        return "last-admin";
    }
}
