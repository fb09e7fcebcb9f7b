package com.paylink.web.api;

import com.paylink.payment.boundary.RefundDone;
import com.paylink.payment.boundary.RefundService;
import com.paylink.web.common.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Locale;

/**
 * {@code POST /api/payments/{id}/refunds}, body {@code {"amount": "25.00", "reason": "..."}} (amount optional:
 * all that is left): a refund as the ledger's Refund payment makes it (PAY12), for a key of a staff member with
 * Billing. Every rule is the boundary's; a refused refund answers 422 or 409 with its reason's code and
 * message and changes nothing.
 */
@Path("/payments/{paymentId}/refunds")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class RefundsResource {

    private static final Messages MESSAGES = Messages.api();

    @EJB
    RefundService refunds;

    @POST
    public Response refund(@PathParam("paymentId") long paymentId, @HeaderParam("Content-Type") String contentType,
                           String body) {
        if (!PaymentLinksResource.isJson(contentType)) {
            return ApiExceptionMappers.error(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    MESSAGES.text("error.unsupported-media-type"));
        }
        JsonObject json = ApiJson.object(body, "a body with the refund's reason is needed");
        RefundDone done = refunds.refund(paymentId, amount(json.get("amount")), ApiJson.optionalString(json, "reason"));
        return Response.status(Response.Status.CREATED).entity(PaymentsJson.refunded(paymentId, done)).build();
    }

    /** "25.00" or 25.00; absent or null: all that is left. */
    private static String amount(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number) {
            // its own text (1E+2000000000 stays 13 characters), never the plain digits, which could be billions
            return number.bigDecimalValue().toString();
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw new BadRequestException("amount must be a decimal, e.g. \"25.00\"");
    }
}
