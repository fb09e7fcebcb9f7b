package com.paylink.shared;

/**
 * The thing asked for does not exist <em>for this caller</em>. Another practice's records are reported
 * exactly like missing ones, so that ids cannot be probed across practices.
 */
public class NotFoundException extends BusinessException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }

    @Override
    public String code() {
        return "not-found";
    }
}
