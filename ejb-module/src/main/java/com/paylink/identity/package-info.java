/**
 * Staff, their permissions, sign-in and "who is calling".
 * <p>Operations: {@code IdentityService.authenticate}, {@code currentStaff}, {@code practiceStaff}.
 * <p>Rules:
 * <ol>
 * <li>I1. Only an active staff member with the right password signs in; passwords are stored only as a
 * salted PBKDF2 hash; a wrong username and a wrong password fail alike and take as long.</li>
 * <li>I2. Permissions are Billing and Admin ({@link com.paylink.identity.entity.Permission}); every
 * boundary checks them on the server through {@link com.paylink.identity.control.CallerLookup}.</li>
 * <li>I3. A staff member sees only their own practice's staff and records.</li>
 * </ol>
 */
package com.paylink.identity;
