package com.paylink.shared;

import jakarta.ejb.ApplicationException;

/**
 * A broken business rule. Each rule has its own subclass with a stable {@link #code()} that pages and
 * the API turn into a specific message (resource-bundle key {@code error.<code>}).
 */
@ApplicationException(rollback = true)
public abstract class BusinessException extends RuntimeException {

    protected BusinessException(String message) {
        super(message);
    }

    /** Stable, machine-readable code, e.g. {@code not-found}. */
    public abstract String code();
}
