package com.paylink.web.payer;

import com.paylink.shared.StorageFull;
import com.paylink.payment.boundary.CheckoutService;
import com.paylink.payment.boundary.CheckoutView;
import com.paylink.payment.boundary.PayAmount;
import com.paylink.payment.boundary.PayResult;
import com.paylink.paymentlink.boundary.PayerLinkService;
import com.paylink.payment.boundary.SandboxCard;
import com.paylink.platform.PaylinkConfig;
import com.paylink.platform.PaymentsConfig;
import com.paylink.web.common.Formats;
import com.paylink.web.common.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The public payment page ({@code /checkout/}), a stateless view: reads the payer's session, shows the
 * link's state, takes the sandbox form or starts Stripe's Payment Element, and offers a new link.
 */
@Named
@RequestScoped
public class CheckoutBean {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String NEW_LINK_REQUESTED = "newLinkRequested";
    /** Next page: this payer's charge came after the invoice was paid and is being refunded (PAY11). */
    private static final String CHARGE_REFUNDED = "chargeRefunded";
    /** Next page: the name, expiry and postal code the payer typed, kept over a decline's redirect. */
    private static final String KEPT = "keptCardFields";
    /** Next page: the amount the payer chose (PAY16), kept over a refusal's or a decline's redirect. */
    private static final String KEPT_AMOUNT = "keptAmount";
    /** The choices of the amount radio group: the full balance, or an amount of the payer's own. */
    public static final String FULL_BALANCE = "full";
    public static final String OTHER_AMOUNT = "other";
    /** Next page: Stripe's decline message after the return page. */
    private static final String DECLINED = "declined";
    /** Next page: the messages of the request that redirected. */
    private static final String MESSAGES = "messages";

    @EJB
    CheckoutService checkout;

    @EJB
    PayerLinkService links;

    @Inject
    PayLocale payLocale;

    @Inject
    PaylinkConfig config;

    @Inject
    PayerSessions payers;

    @Inject
    PaymentsConfig payments;

    @Inject
    Formats fmt;

    private PayerSession payer;
    private boolean chargeRefunded;
    private boolean newLinkRequested;
    private String declined;

    private CheckoutView view;
    private Long linkId;
    private String csrf;
    private String requestKey;
    private String cardName;
    private String cardNumber;
    private String cardExpiry;
    private String cardCvc;
    private String postalCode;
    /** Issue 25 (PAY19): the payer ticked "Save this card" (unticked by default). */
    private boolean saveCard;
    private String bankName;
    private String bankRouting;
    private String bankAccount;
    private boolean bankAuthorized;
    private String amountChoice = FULL_BALANCE;
    private String otherAmount;

    @PostConstruct
    void load() {
        payer = payers.find(request()).orElse(null);
        linkId = payer == null ? null : payer.linkId();
        view = payer == null ? CheckoutView.unknown() : checkout.view(linkId);
        if (view.isLocked()) {
            response().setStatus(HttpServletResponse.SC_FORBIDDEN); // locked: only the practice can help
        } else if (view.isCardsUnavailable()) {
            response().setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE); // the link still works; cards do not
        } else if (view.isInvoicesChanged()) {
            response().setStatus(HttpServletResponse.SC_CONFLICT); // PL12: an invoice changed; nothing is charged
        } else if (!view.isPayable() && !view.isPaid()) {
            // expired, revoked and unknown tokens: the same page with the same status
            response().setStatus(HttpServletResponse.SC_GONE);
        }
        if (payer != null) {
            // after a decline the payer keeps what they typed but the card number and CVC (never kept anywhere)
            if (payer.fromPreviousPage(KEPT) instanceof String[] kept) {
                cardName = kept[0];
                cardExpiry = kept[1];
                postalCode = kept[2];
            }
            if (payer.fromPreviousPage(KEPT_AMOUNT) instanceof String[] kept) {
                amountChoice = kept[0];
                otherAmount = kept[1];
            }
            chargeRefunded = payer.fromPreviousPage(CHARGE_REFUNDED) != null;
            newLinkRequested = payer.fromPreviousPage(NEW_LINK_REQUESTED) != null;
            declined = (String) payer.fromPreviousPage(DECLINED);
            if (payer.fromPreviousPage(MESSAGES) instanceof FacesMessage[] kept) {
                for (FacesMessage m : kept) {
                    FacesContext.getCurrentInstance().addMessage(null, m);
                }
            }
        }
        if (requestKey == null) {
            byte[] key = new byte[16];
            RANDOM.nextBytes(key);
            requestKey = HexFormat.of().formatHex(key);
        }
    }

    /** Stripe's Payment Element wants the currency in lower case. */
    public String getStripeCurrency() {
        return view.amountDue() == null ? "" : view.amountDue().currency().toLowerCase(java.util.Locale.ROOT);
    }

    /** Stripe.js: Stripe's own, or the local stand-in's where configured (the page's policy follows it). */
    public String getStripeJsUrl() {
        return payments.stripeJsUrl();
    }

    /** Where Stripe sends the payer back: built from the configured public address, never the Host header. */
    public String getStripeReturnUrl() {
        return config.publicUrl() + PayLinkServlet.CHECKOUT + "return.xhtml";
    }

    public void paySandbox() throws IOException {
        pay(false);
    }

    /** P7: the sandbox's simulated wallet (the boundary refuses it where the page would not offer it). */
    public void paySandboxWallet() throws IOException {
        pay(true);
    }

    /** P8, PAY18: the sandbox's US bank account (the boundary refuses it where the practice does not offer it). */
    public void paySandboxBank() throws IOException {
        pay(() -> checkout.paySandboxBank(linkId, asked(),
                new com.paylink.payment.boundary.SandboxBankAccount(bankName, bankRouting, bankAccount, bankAuthorized),
                requestKey, com.paylink.web.common.ClientAddress.of(request())));
    }

    private void pay(boolean wallet) throws IOException {
        pay(() -> wallet ? checkout.paySandboxWallet(linkId, asked(), requestKey, com.paylink.web.common.ClientAddress.of(request()))
                : checkout.paySandbox(linkId, asked(), new SandboxCard(cardName, cardNumber, cardExpiry, cardCvc, postalCode),
                requestKey, com.paylink.web.common.ClientAddress.of(request()), saveCard ? saveConsent(cardName) : null));
    }

    private void pay(java.util.function.Supplier<PayResult> charge) throws IOException {
        if (!csrfValid() || linkId == null) {
            message(FacesMessage.SEVERITY_ERROR, "pay.error.session");
            return;
        }
        PayResult result;
        try {
            result = charge.get();
        } catch (StorageFull e) { // the payment rolled back whole: nothing charged, the payer may try again
            cardNumber = null;
            cardCvc = null;
            payer.forNextPage(KEPT, new String[]{cardName, cardExpiry, postalCode});
            payer.forNextPage(KEPT_AMOUNT, new String[]{amountChoice, otherAmount});
            message(FacesMessage.SEVERITY_ERROR, "pay.error.busy");
            redirectToCheckout();
            return;
        }
        cardNumber = null;
        cardCvc = null;
        bankAccount = null;
        if (result.kind() == PayResult.Kind.DECLINED || result.kind() == PayResult.Kind.INVALID_INPUT) {
            payer.forNextPage(KEPT, new String[]{cardName, cardExpiry, postalCode});
            payer.forNextPage(KEPT_AMOUNT, new String[]{amountChoice, otherAmount});
        }
        switch (result.kind()) {
            case DECLINED -> message(FacesMessage.SEVERITY_ERROR, declineKey(result.code()));
            case INVALID_INPUT -> message(FacesMessage.SEVERITY_ERROR, "pay.input." + result.code(),
                    result.limit() == null ? new Object[0] : new Object[]{fmt.money(result.limit())});
            case PROCESSING -> message(FacesMessage.SEVERITY_INFO, "pay.processing");
            case LOCKED -> message(FacesMessage.SEVERITY_ERROR, "pay.decline.locked");
            case CHARGE_REFUNDED -> payer.forNextPage(CHARGE_REFUNDED, Boolean.TRUE);
            default -> {
                // paid, already paid or unavailable: the page shows it
            }
        }
        // Post/Redirect/Get: a reload never resubmits; the next form gets a new request key
        redirectToCheckout();
    }

    /**
     * What the payer chose, as posted: the server decides what it may pay (PAY16), whatever this page offered;
     * anything but "another amount" is the full balance.
     */
    private PayAmount asked() {
        return OTHER_AMOUNT.equals(amountChoice) ? PayAmount.other(otherAmount) : PayAmount.FULL_BALANCE;
    }

    /** "Pay the full balance ($150.00)": the first choice when the link allows partial payments. */
    public String getFullBalanceLabel() {
        return messages().text("pay.amount.full", fmt.money(view.amountDue()));
    }

    public String getOtherAmountLabel() {
        return messages().text("pay.amount.other");
    }

    /** "From $20.00 to $150.00": the range an amount of the payer's own may take. */
    public String getAmountRange() {
        return view.isPartialAllowed()
                ? messages().text("pay.amount.range", fmt.money(view.partialMinimum()), fmt.money(view.amountDue())) : "";
    }

    /** "Email me a new link": always the same answer. */
    public void requestNewLink() throws IOException {
        if (csrfValid()) {
            links.requestNewLink(linkId);
            payer.forNextPage(NEW_LINK_REQUESTED, Boolean.TRUE);
        }
        redirectToCheckout();
    }

    /** The Stripe return page: trusts only the intent this session started, re-read from Stripe. */
    public void stripeReturn() throws IOException {
        String intentId = payer == null ? null : payer.stripeIntent();
        if (intentId != null) {
            PayResult result = checkout.syncStripeIntent(intentId);
            if (result.kind() == PayResult.Kind.CHARGE_REFUNDED) {
                payer.forNextPage(CHARGE_REFUNDED, Boolean.TRUE);
            } else if (result.kind() == PayResult.Kind.DECLINED) {
                payer.stripeIntent(null);
                payer.forNextPage(DECLINED, messages().text(declineKey(result.code())));
            }
        }
        redirectToCheckout();
    }

    private String declineKey(String code) {
        String key = "pay.decline." + code;
        try {
            messages().text(key);
            return key;
        } catch (java.util.MissingResourceException e) {
            return "pay.decline.generic";
        }
    }

    private boolean csrfValid() {
        String expected = payer == null ? null : payer.csrf();
        return expected != null && csrf != null && MessageDigest.isEqual(expected.getBytes(), csrf.getBytes());
    }

    public String getSessionCsrf() {
        return payer == null ? "" : payer.csrf();
    }

    /** Post/Redirect/Get; this request's messages go with the payer's session to the next page. */
    private void redirectToCheckout() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (payer != null && !faces.getMessageList().isEmpty()) {
            payer.forNextPage(MESSAGES, faces.getMessageList().toArray(new FacesMessage[0]));
        }
        ExternalContext external = faces.getExternalContext();
        external.redirect(external.getRequestContextPath() + PayLinkServlet.CHECKOUT);
    }

    private void message(FacesMessage.Severity severity, String key, Object... args) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, messages().text(key, args), null));
    }

    private Messages messages() {
        return Messages.payer(payLocale.getLocale());
    }

    /** PAY19: the label beside the box, in the payer's language. */
    public String getSaveCardLabel() {
        return saveCardLabel(messages(), getView().practiceName());
    }

    /** PAY19: what saving allows, shown beside the box. */
    public String getSaveCardTerms() {
        return saveCardTerms(messages(), getView().practiceName());
    }

    private com.paylink.payment.boundary.SaveCard saveConsent(String name) {
        return new com.paylink.payment.boundary.SaveCard(consentText(messages(), getView().practiceName()), name);
    }

    static String saveCardLabel(Messages messages, String practice) {
        return messages.text("pay.saveCard.label", practice);
    }

    static String saveCardTerms(Messages messages, String practice) {
        return messages.text("pay.saveCard.terms", practice);
    }

    /** PAY19: the consent recorded with a saved card: exactly the label and the terms the page showed. */
    static String consentText(Messages messages, String practice) {
        return saveCardLabel(messages, practice) + ". " + saveCardTerms(messages, practice);
    }

    public boolean isSaveCard() {
        return saveCard;
    }

    public void setSaveCard(boolean saveCard) {
        this.saveCard = saveCard;
    }

    private static jakarta.servlet.http.HttpServletRequest request() {
        return (jakarta.servlet.http.HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    private static HttpServletResponse response() {
        return (HttpServletResponse) FacesContext.getCurrentInstance().getExternalContext().getResponse();
    }

    public CheckoutView getView() {
        return view;
    }

    public boolean isChargeRefunded() {
        return chargeRefunded;
    }

    public boolean isNewLinkRequested() {
        return newLinkRequested;
    }

    /** Stripe's decline, brought back from the return page; null otherwise. */
    public String getDeclined() {
        return declined;
    }

    /** Renders the session's form secret; receives what the form sent back. */
    public String getCsrf() {
        return csrf != null ? csrf : getSessionCsrf();
    }

    public void setCsrf(String csrf) {
        this.csrf = csrf;
    }

    public String getRequestKey() {
        return requestKey;
    }

    public void setRequestKey(String requestKey) {
        this.requestKey = requestKey;
    }

    public String getCardName() {
        return cardName;
    }

    public void setCardName(String cardName) {
        this.cardName = cardName;
    }

    public String getCardNumber() {
        return cardNumber;
    }

    public void setCardNumber(String cardNumber) {
        this.cardNumber = cardNumber;
    }

    public String getCardExpiry() {
        return cardExpiry;
    }

    public void setCardExpiry(String cardExpiry) {
        this.cardExpiry = cardExpiry;
    }

    public String getCardCvc() {
        return cardCvc;
    }

    public void setCardCvc(String cardCvc) {
        this.cardCvc = cardCvc;
    }

    public String getAmountChoice() {
        return amountChoice;
    }

    public void setAmountChoice(String amountChoice) {
        this.amountChoice = amountChoice;
    }

    public String getOtherAmount() {
        return otherAmount;
    }

    public void setOtherAmount(String otherAmount) {
        this.otherAmount = otherAmount;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public String getBankName() {
        return bankName;
    }

    public void setBankName(String bankName) {
        this.bankName = bankName;
    }

    public String getBankRouting() {
        return bankRouting;
    }

    public void setBankRouting(String bankRouting) {
        this.bankRouting = bankRouting;
    }

    public String getBankAccount() {
        return bankAccount;
    }

    public void setBankAccount(String bankAccount) {
        this.bankAccount = bankAccount;
    }

    public boolean isBankAuthorized() {
        return bankAuthorized;
    }

    public void setBankAuthorized(boolean bankAuthorized) {
        this.bankAuthorized = bankAuthorized;
    }

    /** P8: the Payment Element's payment method types, as the practice's intents name them. */
    public String getStripeMethods() {
        return view != null && view.isBankDebitOffered() ? "card,us_bank_account" : "card";
    }
}
