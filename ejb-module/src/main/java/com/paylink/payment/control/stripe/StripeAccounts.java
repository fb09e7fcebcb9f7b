package com.paylink.payment.control.stripe;

import com.paylink.payment.control.gateway.AccountGateway;
import com.paylink.payment.control.gateway.GatewayUnavailable;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;

/**
 * Stripe Connect accounts with the platform's key: open a practice's account (Standard, so the practice
 * is the merchant of record and sees its own dashboard), link to Stripe's hosted onboarding, read
 * {@code charges_enabled} and the reasons when it is not.
 */
public final class StripeAccounts implements AccountGateway {

    private final StripeClient client;

    public StripeAccounts(String secretKey, String apiBase) {
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setApiKey(secretKey)
                .setMaxNetworkRetries(2)
                .setConnectTimeout(10_000)
                .setReadTimeout(30_000);
        if (apiBase != null && !apiBase.isBlank()) {
            builder.setApiBase(apiBase);
        }
        this.client = builder.build();
    }

    @Override
    public String openAccount(String practiceName, String email, String idempotencyKey) {
        AccountCreateParams params = AccountCreateParams.builder()
                .setType(AccountCreateParams.Type.STANDARD)
                .setEmail(email)
                .setBusinessProfile(AccountCreateParams.BusinessProfile.builder().setName(practiceName).build())
                .build();
        try {
            return client.v1().accounts().create(params, RequestOptions.builder().setIdempotencyKey(idempotencyKey).build())
                    .getId();
        } catch (StripeException e) {
            throw new GatewayUnavailable("Stripe could not open an account: " + e.getCode(), e);
        }
    }

    @Override
    public String onboardingLink(String accountId, String refreshUrl, String returnUrl) {
        AccountLinkCreateParams params = AccountLinkCreateParams.builder()
                .setAccount(accountId)
                .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                .setRefreshUrl(refreshUrl)
                .setReturnUrl(returnUrl)
                .build();
        try {
            return client.v1().accountLinks().create(params).getUrl();
        } catch (StripeException e) {
            throw new GatewayUnavailable("Stripe could not link to onboarding for " + accountId + ": " + e.getCode(), e);
        }
    }

    @Override
    public AccountState account(String accountId) {
        try {
            Account account = client.v1().accounts().retrieve(accountId);
            boolean charges = Boolean.TRUE.equals(account.getChargesEnabled());
            boolean details = Boolean.TRUE.equals(account.getDetailsSubmitted());
            String reasons = account.getRequirements() == null ? null
                    : join(account.getRequirements().getDisabledReason(), account.getRequirements().getCurrentlyDue());
            return new AccountState(account.getId(), charges, details, reasons);
        } catch (StripeException e) {
            throw new GatewayUnavailable("Stripe could not return account " + accountId + ": " + e.getCode(), e);
        }
    }

    private static String join(String disabledReason, java.util.List<String> due) {
        StringBuilder reasons = new StringBuilder();
        if (disabledReason != null) {
            reasons.append(disabledReason);
        }
        if (due != null && !due.isEmpty()) {
            reasons.append(reasons.length() > 0 ? "; " : "").append("currently due: ").append(String.join(", ", due));
        }
        return reasons.length() == 0 ? null : reasons.toString();
    }
}
