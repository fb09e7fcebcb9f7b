package com.paylink.it.boundary;

import com.paylink.identity.entity.Permission;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.authz.RoleMapper;
import org.wildfly.security.authz.Roles;

import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.HashSet;
import java.util.Set;

/**
 * Runs code as a signed-in staff member, with the same roles the sign-in would grant, so that
 * in-container tests exercise the boundaries' own permission checks.
 */
public final class As {

    private As() {
    }

    public static <T> T staff(String username, Set<Permission> permissions, PrivilegedExceptionAction<T> action)
            throws Exception {
        return run(identity(username, permissions), action);
    }

    /** The identity itself, e.g. to use it from other threads. */
    public static SecurityIdentity identity(String username, Set<Permission> permissions) {
        Set<String> roles = new HashSet<>();
        roles.add(Permission.STAFF_ROLE);
        permissions.forEach(p -> roles.add(p.role()));
        return SecurityDomain.getCurrent().createAdHocIdentity(username)
                .withDefaultRoleMapper(RoleMapper.constant(Roles.fromSet(roles)));
    }

    public static <T> T run(SecurityIdentity identity, PrivilegedExceptionAction<T> action) throws Exception {
        try {
            return identity.runAs(action);
        } catch (PrivilegedActionException e) {
            throw e.getException();
        }
    }

    /** The role the queue listeners run as ({@code @RunAs}); no person has it. */
    public static <T> T system(PrivilegedExceptionAction<T> action) throws Exception {
        SecurityIdentity identity = SecurityDomain.getCurrent().createAdHocIdentity("paylink-listener")
                .withDefaultRoleMapper(RoleMapper.constant(Roles.of(Permission.SYSTEM_ROLE)));
        return run(identity, action);
    }

    /** A caller who is not signed in at all. */
    public static <T> T anonymous(PrivilegedExceptionAction<T> action) throws Exception {
        SecurityIdentity identity = SecurityDomain.getCurrent().getAnonymousSecurityIdentity();
        try {
            return identity.runAs(action);
        } catch (PrivilegedActionException e) {
            throw e.getException();
        }
    }
}
