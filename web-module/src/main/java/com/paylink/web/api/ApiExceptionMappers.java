package com.paylink.web.api;

import com.paylink.paymentlink.boundary.PaymentLinkRefused;
import com.paylink.shared.BusinessException;
import com.paylink.shared.PermissionDeniedException;
import com.paylink.web.common.Messages;
import jakarta.ejb.EJBAccessException;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns every failure into JSON with a stable code and the page's message; never a stack trace. */
public final class ApiExceptionMappers {

    private static final Messages MESSAGES = Messages.api();

    private ApiExceptionMappers() {
    }

    /** 422: the request was understood, but its content breaks a rule (e.g. no usable recipient). */
    static final int UNPROCESSABLE = 422;

    static Response error(Response.Status status, String code, String message) {
        return error(status.getStatusCode(), code, message);
    }

    static Response error(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ErrorJson(code, message)).build();
    }

    /** HTTP status of each broken rule. */
    static int statusOf(BusinessException e) {
        if (e instanceof com.paylink.shared.NotFoundException) {
            return Response.Status.NOT_FOUND.getStatusCode();
        }
        if (e instanceof PermissionDeniedException) {
            return Response.Status.FORBIDDEN.getStatusCode();
        }
        if (e instanceof com.paylink.shared.StorageFull) {
            return Response.Status.SERVICE_UNAVAILABLE.getStatusCode();
        }
        if (e instanceof com.paylink.ledger.boundary.RecordRefused refused) {
            return refused.isConflict() ? Response.Status.CONFLICT.getStatusCode() : UNPROCESSABLE;
        }
        if (e instanceof PaymentLinkRefused refused) {
            return switch (refused.reason()) {
                case NO_RECIPIENT_EMAIL, INVALID_RECIPIENT_EMAIL, UNKNOWN_RECIPIENT, NO_INVOICES, TOO_MANY_INVOICES,
                     INVOICES_OF_SEVERAL_CLIENTS, INVOICES_IN_SEVERAL_CURRENCIES, NO_CHANNEL, NO_MOBILE_NUMBER -> UNPROCESSABLE;
                default -> Response.Status.CONFLICT.getStatusCode();
            };
        }
        if (e instanceof com.paylink.payment.boundary.RefundRefused refused) {
            return switch (refused.reason()) {
                case INVALID_AMOUNT, AMOUNT_TOO_HIGH, REASON_REQUIRED -> UNPROCESSABLE;
                case GATEWAY_REFUSED -> Response.Status.BAD_GATEWAY.getStatusCode();
                case CARDS_UNAVAILABLE -> Response.Status.SERVICE_UNAVAILABLE.getStatusCode();
                case NOT_REFUNDABLE, UNDER_WAY -> Response.Status.CONFLICT.getStatusCode();
            };
        }
        if (e instanceof com.paylink.collection.boundary.OpenBalances.Refused refused) {
            return switch (refused.code()) {
                case "batch-unknown" -> Response.Status.NOT_FOUND.getStatusCode();
                case "batch-statements-gone" -> Response.Status.GONE.getStatusCode();
                default -> UNPROCESSABLE;
            };
        }
        return Response.Status.CONFLICT.getStatusCode();
    }

    @Provider
    public static class Business implements ExceptionMapper<BusinessException> {
        @Override
        public Response toResponse(BusinessException e) {
            Response response = error(statusOf(e), e.code(), MESSAGES.of(e));
            if (e instanceof com.paylink.shared.StorageFull) {
                response.getHeaders().putSingle("Retry-After", "60"); // the broker rechecks its disk every few seconds
            }
            return response;
        }
    }

    @Provider
    public static class AccessDenied implements ExceptionMapper<EJBAccessException> {
        @Override
        public Response toResponse(EJBAccessException e) {
            return error(Response.Status.FORBIDDEN, "forbidden", MESSAGES.text("error.forbidden"));
        }
    }

    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (e instanceof jakarta.ws.rs.NotFoundException) {
                return error(Response.Status.NOT_FOUND, "not-found", MESSAGES.text("error.not-found"));
            }
            if (status == 400) {
                // a body this API read and found malformed says what was wrong (ApiJson.Malformed); anything else is generic
                return error(Response.Status.BAD_REQUEST, "bad-request", e instanceof ApiJson.Malformed malformed
                        ? MESSAGES.text("error.bad-request.what", malformed.getMessage()) : MESSAGES.text("error.bad-request"));
            }
            Response.Status known = Response.Status.fromStatusCode(status);
            return error(status, "http-" + status, known == null ? "" : known.getReasonPhrase());
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

        @Override
        public Response toResponse(RuntimeException e) {
            LOG.log(Level.SEVERE, "unexpected API failure", e);
            return error(Response.Status.INTERNAL_SERVER_ERROR, "unexpected", MESSAGES.text("error.unexpected"));
        }
    }
}
