package com.paylink.web.payer;

import com.paylink.payment.boundary.AmountRefused;
import com.paylink.payment.boundary.CheckoutService;
import com.paylink.payment.boundary.PayAmount;
import com.paylink.payment.boundary.StripeStart;
import com.paylink.web.common.Messages;
import jakarta.ejb.EJB;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Creates (or reuses) the link's Stripe PaymentIntent when the payer presses Pay, never while the page
 * renders (PAY8): the page's script posts here with the session's form secret, gets the intent's client
 * secret, and confirms it with Stripe. The intent id stays in the payer's session for the return page.
 * The form fields {@code amountChoice} ({@code full} or {@code other}) and {@code amount} say what the payer
 * chose to pay (PAY16); a refused amount is answered 422 with its message.
 */
@WebServlet(StripeIntentServlet.PATH)
public class StripeIntentServlet extends HttpServlet {

    public static final String PATH = "/checkout/intent";

    /** The header the page's script sends the session's form secret in. */
    static final String CSRF_HEADER = "X-Paylink-Form";
    private static final Jsonb JSON = JsonbBuilder.create();

    @EJB
    CheckoutService checkout;

    @Inject
    PayerSessions payers;

    @Inject
    PayLocale payLocale;

    @EJB
    com.paylink.platform.RateWindows windows;

    @Inject
    com.paylink.platform.PaylinkConfig config;

    /** PAY10: intent requests allowed per payer session, and per address, in {@link #WINDOW}. */
    public static final String LIMIT_SESSION = "paylink.pay.intent.limit.session";
    public static final String LIMIT_ADDRESS = "paylink.pay.intent.limit.address";
    static final java.time.Duration WINDOW = java.time.Duration.ofMinutes(10);

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        PayerSession payer = payers.find(request).orElse(null);
        Long linkId = payer == null ? null : payer.linkId();
        String secret = payer == null ? null : payer.csrf();
        String sent = request.getHeader(CSRF_HEADER);
        if (linkId == null || secret == null || sent == null
                || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            JSON.toJson(Map.of("error", "session"), response.getWriter());
            return;
        }
        // PAY10: a card tester trying card after card from one session, or from one address across sessions, is slowed
        // before Stripe is asked (each confirmation needs an intent request first)
        if (windows.hit("checkout-intent-session:" + payer.id(), WINDOW) > config.integer(LIMIT_SESSION, 15)
                || windows.hit("checkout-intent-address:"
                + com.paylink.platform.ClientAddresses.bucket(com.paylink.web.common.ClientAddress.of(request)), WINDOW) > config.integer(LIMIT_ADDRESS, 40)) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(WINDOW.toSeconds()));
            Messages messages = Messages.payer(PayLocale.of(request.getLocales().asIterator()));
            JSON.toJson(Map.of("error", "too-many", "message", messages.text("pay.tooManyTries")), response.getWriter());
            return;
        }
        // PAY16: what the payer chose, as posted; the boundary decides what it may pay (an over-long amount is refused
        // by the boundary's first check, before it locks anything)
        PayAmount asked = CheckoutBean.OTHER_AMOUNT.equals(request.getParameter("amountChoice"))
                ? PayAmount.other(request.getParameter("amount")) : PayAmount.FULL_BALANCE;
        // issue 25 (PAY19): the card is saved only with the payer's name and the consent this server shows, in the
        // language the page was shown in (never a text the browser sends)
        com.paylink.payment.boundary.SaveCard save = null;
        if ("1".equals(request.getParameter("saveCard"))) {
            Locale locale = payLocale.of(request);
            String name = request.getParameter("saveName");
            if (name == null || name.isBlank() || name.length() > com.paylink.payment.boundary.SaveCard.MAX_NAME) {
                response.setStatus(422); // nothing was written or asked of Stripe
                JSON.toJson(Map.of("error", "save", "code", "save-name", "message",
                        Messages.payer(locale).text("pay.saveCard.nameNeeded")), response.getWriter());
                return;
            }
            save = new com.paylink.payment.boundary.SaveCard(CheckoutBean.consentText(Messages.payer(locale),
                    checkout.view(linkId).practiceName()), name);
        }
        Optional<StripeStart> started;
        try {
            started = checkout.startStripe(linkId, asked, com.paylink.web.common.ClientAddress.of(request), save);
        } catch (AmountRefused refused) {
            response.setStatus(422); // nothing was written or asked of Stripe; the page shows why
            Locale locale = PayLocale.of(request.getLocales().asIterator());
            Messages messages = Messages.payer(locale);
            String text = refused.limit() == null ? messages.text("pay.input." + refused.code())
                    : messages.text("pay.input." + refused.code(), refused.limit().format(Locale.US));
            JSON.toJson(Map.of("error", "amount", "code", refused.code(), "message", text), response.getWriter());
            return;
        }
        if (started.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_CONFLICT); // paid, closed or cards unavailable: reload shows which
            JSON.toJson(Map.of("error", "unavailable"), response.getWriter());
            return;
        }
        payer.stripeIntent(started.get().intentId());
        JSON.toJson(Map.of("clientSecret", started.get().clientSecret(), "amount", started.get().amountMinor()),
                response.getWriter());
    }
}
