package com.paylink.web.common;

import com.paylink.platform.PaymentsConfig;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The payment mode for every page: the test-mode mark, and whether cards can be taken at all. */
@Named("payments")
@RequestScoped
public class PaymentsBean {

    @Inject
    PaymentsConfig config;

    public boolean isSandbox() {
        return config.isSandbox();
    }

    public boolean isReady() {
        return config.ready();
    }
}
