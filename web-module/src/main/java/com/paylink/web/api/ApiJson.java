package com.paylink.web.api;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BadRequestException;

import java.io.StringReader;

/** Reading the API's request bodies: anything malformed is a 400 {@code bad-request} saying what is wrong. */
final class ApiJson {

    private ApiJson() {
    }

    /** The body as a JSON object; {@code whenBlank} is the message for an empty body. */
    static JsonObject object(String body, String whenBlank) {
        if (body == null || body.isBlank()) {
            throw new BadRequestException(whenBlank);
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | ClassCastException e) {
            throw new BadRequestException("not a JSON object");
        }
    }

    /** An optional string member: null when it is absent or null, 400 when it is not a string. */
    static String optionalString(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new BadRequestException(name + " must be a string");
        }
        return json.getString(name);
    }
}
