package com.paylink.identity.boundary;

import com.paylink.shared.BusinessException;

/** S3: an API key could not be created as asked (the code says why; the page shows error.&lt;code&gt;). */
public class ApiKeyRefused extends BusinessException {

    private final String code;

    public ApiKeyRefused(String code, Object... args) {
        super("API key refused: " + code, args);
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
