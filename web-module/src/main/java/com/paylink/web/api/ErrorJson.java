package com.paylink.web.api;

/** Every API error: a stable code and the same message the page shows. */
public record ErrorJson(String code, String message) {
}
