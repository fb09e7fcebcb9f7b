package com.paylink.outbound.boundary;

import com.paylink.shared.BusinessException;

/** P9: an endpoint address that cannot be used, or nothing to act on; nothing was changed. */
public class WebhookRefused extends BusinessException {

    private final String code;

    public WebhookRefused(String code, Object... args) {
        super("webhook refused: " + code, args);
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
