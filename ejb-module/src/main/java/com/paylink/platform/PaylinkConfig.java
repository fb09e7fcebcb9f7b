package com.paylink.platform;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;
import java.util.Optional;

/**
 * Operator settings. Each key {@code paylink.x.y} is read from the system property of that name, else
 * from the environment variable {@code PAYLINK_X_Y}. docs/operations.md lists every key.
 */
@ApplicationScoped
public class PaylinkConfig {

    /** Seeds the demo practices, staff and clients when the database is empty. */
    public static final String DEMO = "paylink.demo";
    /** With {@link #DEMO}: wipes the database at start-up and seeds it again. */
    public static final String DEMO_RESET = "paylink.demo.reset";
    /** Starts the embedded mail catcher (SMTP on {@link #DEMO_SMTP_PORT}) and its web mailbox. */
    public static final String DEMO_MAILBOX = "paylink.demo.mailbox";
    public static final String DEMO_SMTP_PORT = "paylink.demo.smtp.port";

    public Optional<String> get(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            value = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }

    public boolean flag(String key) {
        return get(key).map(Boolean::parseBoolean).orElse(false);
    }

    public int integer(String key, int defaultValue) {
        return get(key).map(Integer::parseInt).orElse(defaultValue);
    }
}
