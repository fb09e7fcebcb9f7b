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
            throw new Malformed(whenBlank);
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | ClassCastException e) {
            throw new Malformed("the body is not a JSON object");
        }
    }

    /** An optional string member: null when it is absent or null, 400 when it is not a string. */
    static String optionalString(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new Malformed(name + " must be a string");
        }
        return json.getString(name);
    }

    /** An optional array of strings: null when absent or null; 400 when it is not an array of strings. */
    static java.util.List<String> optionalStrings(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new Malformed(name + " must be an array of strings");
        }
        java.util.List<String> strings = new java.util.ArrayList<>();
        for (JsonValue item : value.asJsonArray()) {
            if (item.getValueType() != JsonValue.ValueType.STRING) {
                throw new Malformed(name + " must be an array of strings");
            }
            strings.add(((jakarta.json.JsonString) item).getString());
        }
        return strings;
    }

    /** A body that is JSON but not of the shape asked for: a 400 whose message says what is wrong. */
    static final class Malformed extends BadRequestException {
        Malformed(String what) {
            super(what);
        }
    }

    /** An optional array of objects: empty list when absent or null; 400 otherwise. */
    static java.util.List<JsonObject> optionalObjects(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new Malformed(name + " must be an array of objects");
        }
        java.util.List<JsonObject> objects = new java.util.ArrayList<>();
        for (JsonValue item : value.asJsonArray()) {
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new Malformed(name + " must be an array of objects");
            }
            objects.add(item.asJsonObject());
        }
        return objects;
    }

    /** An optional object member: null when absent or null; 400 otherwise. */
    static JsonObject optionalObject(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new Malformed(name + " must be an object");
        }
        return value.asJsonObject();
    }

    /** An optional date member (yyyy-mm-dd): null when absent or null; 400 otherwise. */
    static java.time.LocalDate optionalDate(JsonObject json, String name) {
        String text = optionalString(json, name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new Malformed(name + " must be a date such as 2026-12-07, not \"" + abbreviated(text) + "\"");
        }
    }

    /** An optional whole number: null when absent or null; 400 otherwise. */
    static Integer optionalInteger(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER || !((jakarta.json.JsonNumber) value).isIntegral()) {
            throw new Malformed(name + " must be a whole number");
        }
        try {
            return ((jakarta.json.JsonNumber) value).intValueExact();
        } catch (ArithmeticException e) {
            throw new Malformed(name + " is too large");
        }
    }

    /** An amount given as a string ("150.00") or a JSON number (150.00): its decimal text; null when absent. */
    static String optionalAmount(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() == JsonValue.ValueType.NUMBER) {
            return ((jakarta.json.JsonNumber) value).bigDecimalValue().toPlainString();
        }
        if (value.getValueType() == JsonValue.ValueType.STRING) {
            return json.getString(name);
        }
        throw new Malformed(name + " must be an amount such as \"150.00\"");
    }

    private static String abbreviated(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
