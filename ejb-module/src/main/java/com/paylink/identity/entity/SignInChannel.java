package com.paylink.identity.entity;

/** Where a sign-in attempt came in (S2). */
public enum SignInChannel {
    /** The sign-in page. */
    FORM,
    /** The JSON API's credentials. */
    API,
    /** The JSON API's API key (S3). */
    API_KEY,
    /** Not an attempt: an Admin cleared a lock-out from the Sign-ins page. */
    CLEARED_BY_ADMIN
}
