package com.paylink.web.pay;

import jakarta.servlet.http.HttpSession;

/** What the payer's short session holds: the link id the token was exchanged for, and a form secret. */
public final class PaySession {

    /** The link the payer opened; -1 for an unknown or malformed token (shown like an expired one). */
    public static final String LINK_ID = PaySession.class.getName() + ".linkId";
    /** Per-session secret echoed by every checkout form (CSRF). */
    public static final String CSRF = PaySession.class.getName() + ".csrf";
    /** The Stripe PaymentIntent this session started; the return page reads only this. */
    public static final String STRIPE_INTENT = PaySession.class.getName() + ".stripeIntent";
    /** A payer session lives 20 minutes without activity. */
    public static final int MAX_INACTIVE_SECONDS = 20 * 60;

    private PaySession() {
    }

    public static Long linkId(HttpSession session) {
        if (session == null || !(session.getAttribute(LINK_ID) instanceof Long id) || id < 0) {
            return null;
        }
        return id;
    }
}
