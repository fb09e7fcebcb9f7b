package com.paylink.identity.boundary;

/**
 * I5: what "Forgot password?" answers. The same whether an account uses the address or not; only too many requests
 * from one network are told to wait.
 */
public enum PasswordResetAnswer {
    /** "If an account uses this address, we sent it a link." */
    SENT_IF_KNOWN,
    /** Too many requests from this network in the hour. */
    THROTTLED
}
