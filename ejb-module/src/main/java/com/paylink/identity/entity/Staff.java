package com.paylink.identity.entity;

import com.paylink.practice.entity.Practice;
import com.paylink.practice.entity.PracticeOwned;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** A practice's user: signs in, holds permissions, and may be a rendering provider. */
@Entity
@Table(name = "staff")
public class Staff implements PracticeOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "practice_id", nullable = false)
    private Practice practice;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    private String email;

    /**
     * Only a salted PBKDF2 hash, see {@code PasswordHasher}; never the password. Null for a person invited who has not
     * set one yet (I5): they cannot sign in.
     */
    @Column(name = "password_hash")
    private String passwordHash;

    /** Sees clients and renders appointments. */
    @Column(nullable = false)
    private boolean provider;

    @Column(nullable = false)
    private boolean active;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_permission", joinColumns = @JoinColumn(name = "staff_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "permission", nullable = false)
    private Set<Permission> permissions = new HashSet<>();

    protected Staff() {
        // for JPA
    }

    public Staff(Practice practice, String username, String fullName, String email, String passwordHash,
                 boolean provider, Set<Permission> permissions) {
        this.practice = Objects.requireNonNull(practice, "practice");
        this.username = normalizeUsername(username);
        if (fullName == null || fullName.isBlank()) {
            throw new IllegalArgumentException("fullName is required");
        }
        this.fullName = fullName.trim();
        this.email = email;
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.provider = provider;
        this.active = true;
        this.permissions = permissions.isEmpty() ? new HashSet<>() : new HashSet<>(EnumSet.copyOf(permissions));
    }

    /**
     * I5: a person invited by an Admin (or the operator, as a practice's first Admin): their username is their email
     * address, and they have no password until they set one from the invitation.
     */
    public static Staff invited(Practice practice, String fullName, String email, boolean provider, Set<Permission> permissions) {
        Staff staff = new Staff(practice, email, fullName, email, "-", provider, permissions);
        staff.passwordHash = null;
        return staff;
    }

    /** Usernames are compared case-insensitively; they are stored lower-case. */
    public static String normalizeUsername(String username) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("username is required");
        }
        return username.trim().toLowerCase(Locale.ROOT);
    }

    public Long id() {
        return id;
    }

    public Practice practice() {
        return practice;
    }

    public String username() {
        return username;
    }

    public String fullName() {
        return fullName;
    }

    public String email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    /** Whether the person has set a password (an invited person has not, until they follow the invitation). */
    public boolean hasPassword() {
        return passwordHash != null;
    }

    /** I5: the person set a (new) password from a one-time link. */
    public void passwordSet(String hash) {
        this.passwordHash = Objects.requireNonNull(hash, "hash");
    }

    /** The same password, hashed again with today's stronger settings (S2). */
    public void passwordRehashed(String strongerHash) {
        this.passwordHash = Objects.requireNonNull(strongerHash, "strongerHash");
    }

    public boolean isProvider() {
        return provider;
    }

    public boolean isActive() {
        return active;
    }

    public void deactivate() {
        active = false;
    }

    /** I4: an Admin lets a deactivated staff member sign in again (with the password they had). */
    public void reactivate() {
        active = true;
    }

    /** I4: an Admin gives or takes a permission; true when that changed anything. */
    public boolean permit(Permission permission, boolean granted) {
        return granted ? permissions.add(permission) : permissions.remove(permission);
    }

    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }

    /** The roles this staff member signs in with: staff, plus one per permission. */
    public Set<String> roles() {
        Set<String> roles = new HashSet<>();
        roles.add(Permission.STAFF_ROLE);
        permissions.forEach(p -> roles.add(p.role()));
        return Set.copyOf(roles);
    }

    public Set<Permission> permissions() {
        return Collections.unmodifiableSet(permissions);
    }
}
