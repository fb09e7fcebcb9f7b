package com.paylink.shared;

/** The caller lacks the permission an operation needs. */
public class PermissionDeniedException extends BusinessException {

    private final String permission;

    public PermissionDeniedException(String permission) {
        super("permission required: " + permission);
        this.permission = permission;
    }

    public String permission() {
        return permission;
    }

    @Override
    public String code() {
        return "permission-denied";
    }
}
