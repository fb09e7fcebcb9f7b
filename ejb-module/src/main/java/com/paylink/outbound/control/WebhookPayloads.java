package com.paylink.outbound.control;

import com.paylink.outbound.entity.WebhookEvent;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.math.BigDecimal;
import java.util.Currency;

/** P9: the JSON an event carries: Paylink's and the practice's ids, the invoice number, amounts; no names, no emails, nothing clinical. */
public final class WebhookPayloads {

    private WebhookPayloads() {
    }

    public static String payload(WebhookEvent event, WebhookFacts.Fact fact, WebhookFacts.InvoiceFacts invoice) {
        JsonObjectBuilder inv = Json.createObjectBuilder().add("id", invoice.id()).add("number", invoice.number());
        if (invoice.externalId() == null) {
            inv.addNull("externalId");
        } else {
            inv.add("externalId", invoice.externalId());
        }
        JsonObjectBuilder client = Json.createObjectBuilder().add("id", invoice.clientId());
        if (invoice.clientExternalId() == null) {
            client.addNull("externalId");
        } else {
            client.add("externalId", invoice.clientExternalId());
        }
        JsonObjectBuilder data = Json.createObjectBuilder().add("invoice", inv).add("client", client);
        if (fact.amountMinor() != null) {
            data.add("amount", new BigDecimal(fact.amountMinor())
                    .movePointLeft(Currency.getInstance(fact.currency()).getDefaultFractionDigits()).toPlainString());
            data.add("currency", fact.currency());
        }
        if (fact.receiptNumber() != null) {
            data.add("receiptNumber", fact.receiptNumber());
        }
        if (fact.linkId() != null) {
            data.add("link", Json.createObjectBuilder().add("id", fact.linkId())
                    .add("expiresAt", fact.linkExpiresAt().toString()));
        }
        return Json.createObjectBuilder()
                .add("id", "evt_" + event.id())
                .add("type", event.type())
                .add("created", event.createdAt().toString())
                .add("occurred", fact.at().toString())
                .add("practice", Json.createObjectBuilder().add("id", event.practiceId()))
                .add("data", data)
                .build().toString();
    }

}
