package com.paylink.web.security;

import com.paylink.platform.PaylinkConfig;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The session cookie is HttpOnly and SameSite=Lax always (web.xml), and Secure whenever Paylink is reached
 * over HTTPS: always when the public URL is https:// (production, where it must be), and per request on
 * any HTTPS connection, directly or through a trusted proxy (Undertow's secure-cookie filter, configure.cli).
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Inject
    PaylinkConfig config;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (config.publicUrlIsHttps()) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }
}
