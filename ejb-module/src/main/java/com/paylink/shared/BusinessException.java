package com.paylink.shared;

import jakarta.ejb.ApplicationException;

/**
 * A broken business rule. Each rule has its own subclass with a stable {@link #code()} that pages and
 * the API turn into a specific message (resource-bundle key {@code error.<code>}).
 */
@ApplicationException(rollback = true)
public abstract class BusinessException extends RuntimeException {

    private final transient Object[] args;

    protected BusinessException(String message, Object... args) {
        super(message);
        this.args = args.clone();
    }

    /** Values for the message's placeholders ({0}, {1}, ...), in the bundle's order. */
    public Object[] args() {
        return args.clone();
    }

    /** Stable, machine-readable code, e.g. {@code not-found}. */
    public abstract String code();
}
