package com.paylink.paymentlink.control;

import com.paylink.ledger.entity.Client;
import com.paylink.ledger.entity.Invoice;
import com.paylink.paymentlink.entity.PaymentLink;
import com.paylink.paymentlink.entity.PaymentLinkAction;
import com.paylink.paymentlink.entity.PaymentLinkAudit;
import com.paylink.platform.PaylinkConfig;
import com.paylink.practice.entity.Practice;
import com.paylink.shared.Languages;
import com.paylink.texting.control.PaymentLinkText;
import com.paylink.texting.control.PhoneNumbers;
import com.paylink.texting.control.QuietHours;
import com.paylink.texting.control.SmsSegments;
import com.paylink.texting.control.TextGateway;
import com.paylink.texting.control.Texts;
import com.paylink.texting.entity.TextMessage;
import com.paylink.texting.entity.TextStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Issue 23, a link's text in three short transactions around the provider's call (never one open across it):
 * {@link #prepare} checks again everything that allows the text (the link still works, consent, the number, quiet
 * hours), mints the text's own token for the link (PL6: its hash only is kept) and marks the text SENDING;
 * {@link #accepted} or {@link #notSent} records the provider's answer. A text whose request got no answer stays
 * SENDING; the next attempt first asks the provider whether it went ({@link #alreadySent}), so it is never sent twice.
 */
@ApplicationScoped
public class LinkTexts {

    /** How long an unanswered send is left alone before the schedule asks Twilio whether it went. */
    public static final Duration LEASE = Duration.ofMinutes(2);
    private static final Logger LOG = Logger.getLogger(LinkTexts.class.getName());

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    Texts texts;

    @Inject
    TextGateway gateway;

    @Inject
    PaylinkConfig config;

    @Inject
    Clock clock;

    /** What the sender sends, once: the text (with the token, held in memory only) and where. */
    public record Prepared(long textId, long linkId, Long clientId, String serviceSid, String to, String body, String token) {
    }

    /** Where Twilio reports a text's delivery and forwards replies (T6). */
    public String webhookUrl() {
        return config.publicUrl() + "/webhooks/sms";
    }

    /**
     * The text, ready to go now; empty when there is nothing to send (sent before, cancelled, refused, or held by quiet
     * hours: its new time is recorded). A text left SENDING by an unanswered attempt is first looked for at the
     * provider.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Prepared> prepare(long textId) {
        Optional<TextMessage> unlocked = texts.find(textId);
        if (unlocked.isEmpty() || unlocked.get().linkId() == null) {
            return Optional.empty();
        }
        PaymentLink link = em.find(PaymentLink.class, unlocked.get().linkId());
        if (link == null) {
            return Optional.empty();
        }
        for (Long invoiceId : link.invoiceIdsInLockOrder()) { // in id order, like every change to a link
            em.find(Invoice.class, invoiceId, LockModeType.PESSIMISTIC_WRITE);
        }
        em.refresh(link);
        TextMessage text = texts.locked(textId).orElseThrow();
        Instant now = clock.instant();
        if (text.status() == TextStatus.SENDING) {
            if (text.attemptStartedAt() != null && text.attemptStartedAt().plus(LEASE).isAfter(now)) {
                return Optional.empty(); // another attempt may still be waiting for Twilio's answer
            }
            Optional<TextGateway.Found> sent = alreadySent(text, link);
            if (sent.isPresent()) {
                texts.accepted(text, sent.get().sid(), sent.get().status(), now);
                em.persist(new PaymentLinkAudit(link, PaymentLinkAction.TEXTED, null, now, PhoneNumbers.masked(text.toNumber())));
                LOG.info(() -> "text " + textId + " had gone before its answer was lost: " + sent.get().sid());
                return Optional.empty();
            }
            link.textTokenWithdrawn();
            texts.held(text, now, now); // it never went: sent afresh below, with a new token
        }
        if (text.status() != TextStatus.SCHEDULED) {
            return Optional.empty();
        }
        if (!link.isUsableAt(now)) {
            texts.cancelled(text, "The link was closed before its text went.", now);
            return Optional.empty();
        }
        Client client = link.invoice().client();
        Practice practice = link.practice();
        // T1: consent is checked again as the text goes (it may have been withdrawn, or the number changed, since)
        if (!client.canBeTexted() || !text.toNumber().equals(client.mobilePhone()) || !practice.hasTextingSender()) {
            String why = !practice.hasTextingSender() ? "The practice has no texting sender."
                    : client.canBeTexted() ? "The client's mobile number changed." : "The client has not agreed to texts (or opted out).";
            texts.refused(text, null, why, now);
            em.persist(new PaymentLinkAudit(link, PaymentLinkAction.TEXT_FAILED, null, now, PhoneNumbers.masked(text.toNumber())));
            LOG.info(() -> "text " + textId + " not sent: " + why);
            return Optional.empty();
        }
        java.time.ZoneId zone = client.zone();
        if (!QuietHours.isOpen(now, zone)) { // T4
            Instant opens = QuietHours.nextOpening(now, zone);
            texts.held(text, opens, now);
            link.liveFullLifetimeFrom(opens, practice.settings().linkLifetime());
            return Optional.empty();
        }
        String token = LinkTokens.newToken();
        link.textTokenMinted(LinkTokens.hash(token), now);
        String url = config.publicUrl() + "/pay/" + token;
        String body = PaymentLinkText.compose(new PaymentLinkText.Facts(practice.textingName(), link.amountDue(),
                link.expiresAt(), zone, url, Languages.resolve(client.preferredLanguage())));
        texts.sending(text, body.replace(token, "…"), SmsSegments.count(body).segments(), now);
        return Optional.of(new Prepared(textId, link.id(), client.id(), practice.textingServiceSid(), text.toNumber(), body, token));
    }

    /** Twilio took it: its id, and the link's history says the text went. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void accepted(Prepared prepared, TextGateway.Sent sent) {
        TextMessage text = texts.locked(prepared.textId()).orElseThrow();
        Instant now = clock.instant();
        texts.accepted(text, sent.sid(), sent.status(), now);
        PaymentLink link = em.find(PaymentLink.class, prepared.linkId());
        em.persist(new PaymentLinkAudit(link, PaymentLinkAction.TEXTED, null, now, PhoneNumbers.masked(prepared.to())));
    }

    /**
     * Twilio certainly did not send it: refused for good ({@code retryAt} null: the text ends FAILED or, for an opted-out
     * recipient, REFUSED), or not now ({@code retryAt}: held until then). Its token is withdrawn either way.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void notSent(Prepared prepared, Integer code, String reason, Instant retryAt) {
        TextMessage text = texts.locked(prepared.textId()).orElseThrow();
        PaymentLink link = em.find(PaymentLink.class, prepared.linkId());
        for (Long invoiceId : link.invoiceIdsInLockOrder()) {
            em.find(Invoice.class, invoiceId, LockModeType.PESSIMISTIC_WRITE);
        }
        em.refresh(link);
        if (LinkTokens.hash(prepared.token()).equals(link.textTokenHash())) {
            link.textTokenWithdrawn();
        }
        Instant now = clock.instant();
        if (retryAt != null) {
            texts.held(text, retryAt, now);
            return;
        }
        if (code != null && code == TextGateway.UNSUBSCRIBED) {
            texts.refused(text, code, "The client opted out of texts from this practice (replied STOP).", now);
        } else {
            texts.failed(text, code, reason, now);
        }
        texts.tellFailed(text); // T6: the staff member who sent it hears of it
        em.persist(new PaymentLinkAudit(link, PaymentLinkAction.TEXT_FAILED, null, now, PhoneNumbers.masked(prepared.to())));
    }

    /** The text Twilio has for this link's number whose link carries the link's current text token, if it went. */
    private Optional<TextGateway.Found> alreadySent(TextMessage text, PaymentLink link) {
        if (link.textTokenHash() == null) {
            return Optional.empty();
        }
        for (TextGateway.Found found : gateway.sentTo(text.toNumber(), 20)) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("/pay/([A-Za-z0-9_-]+)").matcher(found.body() == null ? "" : found.body());
            if (m.find() && LinkTokens.hash(m.group(1)).equals(link.textTokenHash())) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }
}
