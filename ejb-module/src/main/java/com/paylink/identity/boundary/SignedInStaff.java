package com.paylink.identity.boundary;

import java.util.Set;

/** The result of a successful sign-in: who, and the roles the web tier grants. */
public record SignedInStaff(String username, String fullName, Set<String> roles) {
}
