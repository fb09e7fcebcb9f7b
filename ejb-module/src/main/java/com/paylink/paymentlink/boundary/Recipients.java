package com.paylink.paymentlink.boundary;

import com.paylink.shared.EmailAddresses;

import com.paylink.ledger.entity.Client;
import com.paylink.ledger.entity.HouseholdMember;
import com.paylink.paymentlink.entity.RecipientSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The addresses a client has in the three places (rule PL2), and which one is chosen by default. */
public final class Recipients {

    public static final String CLIENT_KEY = "client";
    public static final String BILL_TO_KEY = "bill-to";
    public static final String HOUSEHOLD_PREFIX = "household-";

    private Recipients() {
    }

    /** In display order: Bill To, Client Details, then each household member with an email. */
    public static List<RecipientOption> of(Client client) {
        List<RecipientOption> options = new ArrayList<>();
        String billTo = client.billTo().email();
        if (billTo != null && !billTo.isBlank()) {
            String name = client.billTo().name() != null ? client.billTo().name() : client.fullName();
            options.add(option(BILL_TO_KEY, RecipientSource.BILL_TO, name, billTo));
        }
        if (client.email() != null && !client.email().isBlank()) {
            options.add(option(CLIENT_KEY, RecipientSource.CLIENT_DETAILS, client.fullName(), client.email()));
        }
        for (HouseholdMember member : client.household()) {
            if (member.email() != null && !member.email().isBlank()) {
                options.add(option(HOUSEHOLD_PREFIX + member.id(), RecipientSource.HOUSEHOLD, member.name(), member.email()));
            }
        }
        return options;
    }

    /** Bill To if there is one, else Client Details, else the first household member with an email. */
    public static Optional<RecipientOption> defaultOf(List<RecipientOption> options) {
        return options.stream().findFirst();
    }

    /**
     * The option named by {@code key} (the default when blank); refuses clearly when the client has no
     * address, the key is unknown, or the address is not a valid email.
     */
    public static RecipientOption choose(Client client, String key) {
        List<RecipientOption> options = of(client);
        if (options.isEmpty()) {
            throw new PaymentLinkRefused(PaymentLinkRefused.Reason.NO_RECIPIENT_EMAIL);
        }
        RecipientOption chosen = key == null || key.isBlank()
                ? defaultOf(options).orElseThrow()
                : options.stream().filter(o -> o.key().equals(key.trim())).findFirst()
                        .orElseThrow(() -> new PaymentLinkRefused(PaymentLinkRefused.Reason.UNKNOWN_RECIPIENT, key));
        if (!chosen.valid()) {
            throw new PaymentLinkRefused(PaymentLinkRefused.Reason.INVALID_RECIPIENT_EMAIL, chosen.email(),
                    chosen.source());
        }
        return chosen;
    }

    private static RecipientOption option(String key, RecipientSource source, String name, String email) {
        String address = email.trim();
        return new RecipientOption(key, source, name, address, EmailAddresses.isValid(address));
    }
}
