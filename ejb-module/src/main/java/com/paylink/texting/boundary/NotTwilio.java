package com.paylink.texting.boundary;

/** T6: a webhook request that Twilio did not sign (or a replay of one it did): answered 403, nothing changed. */
public class NotTwilio extends RuntimeException {
    public NotTwilio() {
        super("not a genuine Twilio request");
    }
}
