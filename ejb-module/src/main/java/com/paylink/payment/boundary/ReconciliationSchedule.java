package com.paylink.payment.boundary;

import com.paylink.payment.control.AccountReconciler;
import com.paylink.payment.control.Gateways;
import com.paylink.payment.entity.Gateway;
import com.paylink.platform.PaylinkConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * PAY14: every 15 minutes (one persistent schedule, not a timer per account) every practice account is
 * reconciled with Stripe. {@code paylink.reconcile.enabled=false} lets an operator (or the test server)
 * switch the schedule off; Admins can still reconcile their practice now from Card processing.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class ReconciliationSchedule {

    public static final String ENABLED = "paylink.reconcile.enabled";

    @Inject
    AccountReconciler reconciler;

    @Inject
    Gateways gateways;

    @Inject
    PaylinkConfig config;

    @Schedule(minute = "*/15", hour = "*", persistent = true, info = "reconcile practice accounts with Stripe")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void scheduled() {
        if (!com.paylink.platform.DatabaseMigrator.schemaReady() || !config.get(ENABLED).map(Boolean::parseBoolean).orElse(true)
                || gateways.activeKind() != Gateway.STRIPE || !gateways.ready()) {
            return;
        }
        for (String account : reconciler.accounts()) {
            reconciler.reconcile(account);
        }
    }
}
