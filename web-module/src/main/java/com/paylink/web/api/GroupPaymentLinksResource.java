package com.paylink.web.api;

import com.paylink.paymentlink.boundary.LinkSent;
import com.paylink.paymentlink.boundary.PaymentLinkService;
import com.paylink.web.common.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /api/payment-links}: one link, one email, for several invoices of one client (PL12), body
 * {@code {"invoices": [12, 13, 14], "recipient": "bill-to", "channels": ["email", "text"]}} (recipient and channels
 * optional). The boundary enforces every
 * rule; this class only translates JSON.
 */
@Path("/payment-links")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class GroupPaymentLinksResource {

    private static final Messages MESSAGES = Messages.api();

    @EJB
    PaymentLinkService links;

    @POST
    public Response send(@HeaderParam("Content-Type") String contentType, String body, @Context UriInfo uri) {
        if (!PaymentLinksResource.isJson(contentType)) {
            return ApiExceptionMappers.error(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    MESSAGES.text("error.unsupported-media-type"));
        }
        JsonObject json = ApiJson.object(body, "a body with the invoices is needed");
        LinkSent sent = links.send(invoices(json), ApiJson.optionalString(json, "recipient"),
                com.paylink.paymentlink.boundary.Channel.parse(ApiJson.optionalStrings(json, "channels")));
        return Response.created(uri.getBaseUriBuilder().path("invoices").path(String.valueOf(sent.invoiceId()))
                .path("payment-links").build()).entity(LinkJson.sent(sent)).build();
    }

    private static List<Long> invoices(JsonObject json) {
        JsonValue value = json.get("invoices");
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new BadRequestException("invoices must be an array of invoice ids");
        }
        List<Long> ids = new ArrayList<>();
        for (JsonValue each : (JsonArray) value) {
            if (each.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) each).isIntegral()) {
                throw new BadRequestException("invoices must be an array of invoice ids");
            }
            ids.add(((JsonNumber) each).longValue());
        }
        return ids;
    }
}
