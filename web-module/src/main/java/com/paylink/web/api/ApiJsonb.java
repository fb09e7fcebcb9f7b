package com.paylink.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One JSON-B instance for every API request and answer, with the default configuration (so the JSON is the same as
 * before it). Without it RESTEasy builds a new one per request, and Yasson studies each class again every time: a
 * fifth of the CPU of issuing a link through the API (bench/run.sh's profile, issue 22). A {@link Jsonb} is thread
 * safe and caches what it learns of each class.
 */
@Provider
public class ApiJsonb implements ContextResolver<Jsonb> {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSON;
    }
}
