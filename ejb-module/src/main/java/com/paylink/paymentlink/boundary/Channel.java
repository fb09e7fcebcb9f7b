package com.paylink.paymentlink.boundary;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Issue 23 (T2): how a link reaches the client: by email, by text, or both (one link, whatever the channels). */
public enum Channel {
    EMAIL, TEXT;

    /** The API's words ("email", "text"); null (not given): email, as before texts existed. None or unknown words are refused. */
    public static Set<Channel> parse(java.util.Collection<String> words) {
        if (words == null) {
            return EnumSet.of(EMAIL);
        }
        if (words.isEmpty()) {
            throw new PaymentLinkRefused(PaymentLinkRefused.Reason.NO_CHANNEL);
        }
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (String word : words) {
            try {
                channels.add(valueOf(word.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new PaymentLinkRefused(PaymentLinkRefused.Reason.NO_CHANNEL);
            }
        }
        return channels;
    }
}
