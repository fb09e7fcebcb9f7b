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
 * <li>I4. A practice's Admins, and only they, give or take a staff member's Billing and Admin permissions and
 * deactivate or reactivate them (Staff &amp; Permissions); the change applies from the person's next request, their
 * signed-in session and API keys included; the practice always keeps an active Admin (a change that would leave it
 * none is refused and changes nothing); every change is kept with who, whom, what and when, and shown.</li>
 * <li>I5. A password is set only from a one-time link sent by email: the operator's new practice's first Admin, a
 * person an Admin invites, and "Forgot password?" get one. Only the token's SHA-256 is kept; a link works for 24 hours,
 * once, and only while it is the newest of its purpose for an active person. "Forgot password?" answers alike whether an
 * account uses the address or not, and is throttled per address and per network. Only the operator's token creates a
 * practice.</li>
 * <li>S1. A signed-in staff member who does nothing for the idle timeout (default 15 minutes) is signed out; the
 * page warns a minute before and can renew; a status check or a push never keeps a session alive.</li>
 * <li>S2. Sign-in throttling: after its free failures (5 for a username since its last success or an Admin's
 * clearing; 20 for an address in a day, which a success does not reset) a username or an address waits, doubling from
 * a second up to 15 minutes, before its next attempt is even checked; attempts for one username and from one address
 * are checked one at a time; every attempt is recorded and shown to the practice's Admins, who can clear a lock-out.</li>
 * <li>S3. Each staff member's own API keys: created with the password again (shown once, stored only as a hash),
 * listed, renewed and revoked by their owner, listed and revoked by the practice's Admins; a key works for 90 days
 * unless renewed; it acts with its owner's permissions as they are at each request, and an expired or revoked key,
 * or a deactivated owner's, is refused and the refusal recorded in Sign-ins.</li>
 * </ol>
 */
package com.paylink.identity;
