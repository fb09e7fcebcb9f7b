package com.paylink.identity.boundary;

/** A key just created: the only time the key itself leaves the server. */
public record NewApiKey(long id, String name, String key) {
}
