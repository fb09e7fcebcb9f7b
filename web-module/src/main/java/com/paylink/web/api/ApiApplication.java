package com.paylink.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The staff JSON API under /api, authenticated with HTTP Basic (see docs/api.md). */
@ApplicationPath("/api")
public class ApiApplication extends Application {
}
