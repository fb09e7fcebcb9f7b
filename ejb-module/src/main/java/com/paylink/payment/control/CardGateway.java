package com.paylink.payment.control;

import com.paylink.payment.entity.Gateway;
import com.paylink.shared.Money;

import java.util.Map;

/**
 * The card gateway port. The Stripe adapter ({@code control.stripe}) is the only code that knows
 * Stripe's types; nothing else imports them.
 */
public interface CardGateway {

    Gateway kind();

    /** Creates (or, for the same key, returns again) an intent to collect {@code amount}. */
    GatewayIntent createIntent(Money amount, String idempotencyKey, Map<String, String> metadata);

    /** The intent as the gateway sees it now. */
    GatewayIntent retrieve(String reference);
}
