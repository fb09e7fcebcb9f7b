package com.paylink.web.api;

import com.paylink.paymentlink.boundary.LinkSent;
import com.paylink.paymentlink.boundary.PaymentLinkService;
import com.paylink.web.common.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

import java.util.Locale;

/**
 * {@code /api/invoices/{id}/payment-links}: send a link (POST) and read the current one (GET). The
 * boundary enforces every rule; this class only translates JSON.
 */
@Path("/invoices/{invoiceId}/payment-links")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class PaymentLinksResource {

    private static final Messages MESSAGES = Messages.api();

    @EJB
    PaymentLinkService links;

    @GET
    public LinkJson current(@PathParam("invoiceId") long invoiceId) {
        return links.current(invoiceId).map(LinkJson::of).orElseGet(() -> LinkJson.none(invoiceId));
    }

    /**
     * Body, optional: {@code {"recipient": "bill-to" | "client" | "household-<id>", "channels": ["email", "text"]}};
     * recipient default as on the page, channels default {@code ["email"]} (issue 23: one link by email, text or both).
     */
    @POST
    public Response send(@PathParam("invoiceId") long invoiceId, @HeaderParam("Content-Type") String contentType,
                         String body, @Context UriInfo uri) {
        if (!isJson(contentType)) {
            // a cross-site HTML form can post text/plain or form data, never application/json
            return ApiExceptionMappers.error(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    MESSAGES.text("error.unsupported-media-type"));
        }
        jakarta.json.JsonObject json = body == null || body.isBlank() ? jakarta.json.JsonValue.EMPTY_JSON_OBJECT
                : ApiJson.object(body, "not a JSON object");
        LinkSent sent = links.send(java.util.List.of(invoiceId), ApiJson.optionalString(json, "recipient"),
                com.paylink.paymentlink.boundary.Channel.parse(ApiJson.optionalStrings(json, "channels")));
        return Response.created(uri.getAbsolutePath()).entity(LinkJson.sent(sent)).build();
    }

    static boolean isJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(contentType.strip());
            return "application".equalsIgnoreCase(type.getType()) && "json".equalsIgnoreCase(type.getSubtype());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

}
