package com.paylink.web.demo;

import com.paylink.demo.DemoDataSeeder;
import com.paylink.platform.PaylinkConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Tells pages whether this is the demo, so the start page can list the demo logins. */
@Named("demo")
@ApplicationScoped
public class DemoBean {

    @Inject
    PaylinkConfig config;

    public boolean isActive() {
        return config.flag(PaylinkConfig.DEMO);
    }

    public boolean isMailbox() {
        return config.flag(PaylinkConfig.DEMO_MAILBOX);
    }

    /** Issue 23: the demo phone (a local Twilio inside the demo server) is on. */
    public boolean isPhone() {
        return config.flag(PaylinkConfig.DEMO_PHONE);
    }

    public String getPassword() {
        return DemoDataSeeder.DEMO_PASSWORD;
    }
}
