package com.paylink.identity.entity;

/**
 * The permissions a staff member can hold. The role names are the ones the web tier's security
 * constraints and {@code @RolesAllowed} use; this is the one place they are spelled.
 */
public enum Permission {
    BILLING(Permission.BILLING_ROLE),
    ADMIN(Permission.ADMIN_ROLE);

    /** Every signed-in staff member has this role. */
    public static final String STAFF_ROLE = "staff";
    public static final String BILLING_ROLE = "billing";
    public static final String ADMIN_ROLE = "admin";
    /**
     * No person holds this role: the queue listeners run as it ({@code @RunAs}) to call the boundaries that
     * only they may call (sending a link's mail, a receipt, notifying staff). Nobody can sign in with it.
     */
    public static final String SYSTEM_ROLE = "paylink-system";

    private final String role;

    Permission(String role) {
        this.role = role;
    }

    public String role() {
        return role;
    }
}
