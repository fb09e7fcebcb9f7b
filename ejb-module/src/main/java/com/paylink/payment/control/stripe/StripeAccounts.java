package com.paylink.payment.control.stripe;

import com.paylink.payment.control.gateway.AccountGateway;
import com.paylink.payment.control.gateway.GatewayUnavailable;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.PaymentMethodDomain;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import com.stripe.param.PaymentMethodDomainCreateParams;
import com.stripe.param.PaymentMethodDomainListParams;

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

    /**
     * P7: Stripe's Payment Method Domains on the connected account (docs.stripe.com/payments/payment-methods/pmd-registration):
     * the one there is for the domain, else a new one. Available means Stripe reports both Apple Pay and Google Pay
     * active; otherwise Stripe's own reason (for Apple Pay, usually the domain's verification file).
     */
    @Override
    public DomainState registerDomain(String accountId, String domain) {
        RequestOptions onAccount = RequestOptions.builder().setStripeAccount(accountId).build();
        try {
            PaymentMethodDomain registered = null;
            for (PaymentMethodDomain existing : client.v1().paymentMethodDomains().list(PaymentMethodDomainListParams.builder()
                    .setDomainName(domain).build(), onAccount).getData()) {
                registered = existing;
            }
            if (registered == null) {
                registered = client.v1().paymentMethodDomains().create(PaymentMethodDomainCreateParams.builder()
                        .setDomainName(domain).setEnabled(true).build(), onAccount);
            }
            boolean apple = registered.getApplePay() != null && "active".equals(registered.getApplePay().getStatus());
            boolean google = registered.getGooglePay() != null && "active".equals(registered.getGooglePay().getStatus());
            String reason = null;
            if (!Boolean.TRUE.equals(registered.getEnabled())) {
                reason = "the domain is disabled at Stripe";
            } else if (!apple && registered.getApplePay() != null && registered.getApplePay().getStatusDetails() != null) {
                reason = "Apple Pay: " + registered.getApplePay().getStatusDetails().getErrorMessage();
            } else if (!google && registered.getGooglePay() != null && registered.getGooglePay().getStatusDetails() != null) {
                reason = "Google Pay: " + registered.getGooglePay().getStatusDetails().getErrorMessage();
            } else if (!apple || !google) {
                reason = "Stripe has not activated " + (apple ? "Google Pay" : "Apple Pay") + " for the domain";
            }
            return new DomainState(domain, Boolean.TRUE.equals(registered.getEnabled()) && apple && google, reason);
        } catch (StripeException e) {
            throw new GatewayUnavailable("Stripe could not register " + domain + " for wallets on " + accountId + ": "
                    + e.getCode(), e);
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
