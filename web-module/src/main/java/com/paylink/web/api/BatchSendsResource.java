package com.paylink.web.api;

import com.paylink.collection.boundary.OpenBalances;
import com.paylink.web.common.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * C5, C6 without the page, for scripts (docs/api.md): {@code POST /api/batch-sends} with
 * {@code {"kind": "links"|"statements", "clients": [ids]}} or {@code {"kind": ..., "all": true, "filter": {...}}} (the
 * Open balances filters: minBalance, maxBalance, oldestAtLeastDays, noLinkForDays, channel, providerId) starts a batch
 * and answers 202 with its id and size; {@code GET /api/batch-sends/{id}} reads its progress and, once finished, every
 * client it did not send to with why; {@code GET /api/batch-sends/{id}/statements} is a finished statements batch's PDF.
 * Billing staff and Admins; every rule is the boundary's.
 */
@Path("/batch-sends")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class BatchSendsResource {

    private static final Messages MESSAGES = Messages.api();

    @EJB
    OpenBalances balances;

    public record Started(long id, String kind, int total) {
    }

    public record BatchJson(long id, String kind, int total, int sent, int skipped, int failed, boolean finished,
                            List<NotSentJson> notSent, Instant statementsUntil) {
    }

    public record NotSentJson(long client, String name, String outcome, String reason) {
    }

    @POST
    public Response start(@HeaderParam("Content-Type") String contentType, String body, @Context UriInfo uri) {
        if (!PaymentLinksResource.isJson(contentType)) {
            return ApiExceptionMappers.error(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    MESSAGES.text("error.unsupported-media-type"));
        }
        JsonObject json = ApiJson.object(body, "a body with the kind and the clients (or \"all\": true) is needed");
        String kind = ApiJson.optionalString(json, "kind");
        boolean statements;
        if (kind == null || "links".equals(kind)) {
            statements = false;
        } else if ("statements".equals(kind)) {
            statements = true;
        } else {
            throw new ApiJson.Malformed("kind must be links or statements");
        }
        List<Long> clients = json.containsKey("all") && json.get("all") == JsonValue.TRUE
                ? balances.all(filter(json)) : ids(json);
        long id = statements ? balances.startStatements(clients) : balances.start(clients);
        OpenBalances.Progress started = balances.progress(id);
        return Response.accepted(new Started(id, kind(started), started.total()))
                .location(uri.getBaseUriBuilder().path("batch-sends").path(String.valueOf(id)).build()).build();
    }

    @GET
    @Path("/{id}")
    public BatchJson batch(@PathParam("id") long id) {
        OpenBalances.Progress p = balances.progress(id);
        return new BatchJson(p.id(), kind(p), p.total(), p.sent(), p.skipped(), p.failed(), p.finished(),
                p.notSent().stream().map(o -> new NotSentJson(o.clientId(), o.name(), o.outcome().toLowerCase(Locale.ROOT), o.reason()))
                        .toList(), p.statementsUntil());
    }

    @GET
    @Path("/{id}/statements")
    @Produces("application/pdf")
    public Response statements(@PathParam("id") long id) {
        OpenBalances.Progress p = balances.progress(id);
        if (!p.statements()) {
            throw new OpenBalances.Refused("batch-unknown");
        }
        if (!p.statementsReady()) {
            throw new OpenBalances.Refused("batch-statements-gone");
        }
        StreamingOutput pdf = out -> balances.writeStatements(id, out);
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + OpenBalances.statementsFileName(id) + "\"")
                .header("Cache-Control", "no-store").build();
    }

    private static String kind(OpenBalances.Progress p) {
        return p.statements() ? "statements" : "links";
    }

    private static List<Long> ids(JsonObject json) {
        JsonValue value = json.get("clients");
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new ApiJson.Malformed("clients must be an array of client ids, or say \"all\": true");
        }
        List<Long> ids = new ArrayList<>();
        for (JsonValue each : value.asJsonArray()) {
            if (each.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) each).isIntegral()) {
                throw new ApiJson.Malformed("clients must be an array of client ids");
            }
            ids.add(((JsonNumber) each).longValue());
        }
        return ids;
    }

    private static OpenBalances.Filter filter(JsonObject json) {
        JsonValue value = json.get("filter");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return OpenBalances.Filter.none();
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ApiJson.Malformed("filter must be an object");
        }
        JsonObject f = value.asJsonObject();
        String channel = ApiJson.optionalString(f, "channel");
        if (channel != null && !List.of("email", "text", "none").contains(channel)) {
            throw new ApiJson.Malformed("filter.channel must be email, text or none");
        }
        return new OpenBalances.Filter(amount(f, "minBalance"), amount(f, "maxBalance"), days(f, "oldestAtLeastDays"),
                days(f, "noLinkForDays"), channel, number(f, "providerId"));
    }

    private static BigDecimal amount(JsonObject f, String name) {
        JsonValue value = f.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER || value.toString().length() > 12
                || ((JsonNumber) value).bigDecimalValue().signum() < 0 || ((JsonNumber) value).bigDecimalValue().scale() > 2) {
            throw new ApiJson.Malformed("filter." + name + " must be an amount in dollars, such as 50 or 50.25");
        }
        return ((JsonNumber) value).bigDecimalValue();
    }

    private static Integer days(JsonObject f, String name) {
        Long n = number(f, name);
        if (n != null && (n < 0 || n > 36500)) {
            throw new ApiJson.Malformed("filter." + name + " must be a whole number of days");
        }
        return n == null ? null : n.intValue();
    }

    private static Long number(JsonObject f, String name) {
        JsonValue value = f.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral() || value.toString().length() > 18) {
            throw new ApiJson.Malformed("filter." + name + " must be a whole number");
        }
        return ((JsonNumber) value).longValue();
    }
}
