package com.paylink.paymentlink.boundary;

import com.paylink.paymentlink.control.LinkIssuer;
import com.paylink.paymentlink.entity.RecipientSource;

import java.io.Serializable;

/**
 * One email address a link can go to. {@code key} names it in requests ({@code client},
 * {@code bill-to}, {@code household-<id>}); {@code name} is the person for household and bill-to.
 */
public record RecipientOption(String key, RecipientSource source, String name, String email, boolean valid)
        implements Serializable {

    LinkIssuer.Recipient recipient() {
        return new LinkIssuer.Recipient(source, name, email);
    }
}
