package com.paylink.texting.boundary;

import com.paylink.texting.control.TextGateway;
import com.paylink.texting.control.Texts;
import com.paylink.texting.entity.TextMessage;
import com.paylink.texting.entity.TextStatus;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * T6: what Twilio tells Paylink, taken only when Twilio signed it ({@code X-Twilio-Signature}, checked by the SDK's own
 * validator with the account's auth token) and only once: the same signed request again is a replay and changes
 * nothing. Status callbacks move a text forward (never back); a reply is handed on by the caller.
 */
@Stateless
@PermitAll // Twilio has no Paylink identity: its signature is the credential
public class TextWebhooks {

    private static final Logger LOG = Logger.getLogger(TextWebhooks.class.getName());

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    TextGateway gateway;

    @Inject
    Texts texts;

    @Inject
    Clock clock;

    /** A text that failed, for the staff member who asked for it (T6). */
    public record Failed(long textId, Long linkId, Long requestedBy, String status, Integer code) {
    }

    /**
     * Whether the request is Twilio's: signed for {@code url} (the address Twilio was given) with these form
     * parameters, and not seen before. A genuine request is remembered, so its replay is refused.
     */
    public boolean genuine(String url, Map<String, String> params, String signature) {
        if (!gateway.signedByTwilio(url, params, signature)) {
            return false;
        }
        String key = params.containsKey("MessageStatus") && !params.containsKey("Body")
                ? "status:" + params.get("MessageSid") + ":" + params.get("MessageStatus")
                : "in:" + params.get("MessageSid");
        int inserted = em.createNativeQuery("insert into text_webhook_seen (request_key, seen_at) values (?1, ?2) "
                        + "on conflict (request_key) do nothing")
                .setParameter(1, key.length() > 120 ? key.substring(0, 120) : key)
                .setParameter(2, clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .executeUpdate();
        if (inserted == 0) {
            LOG.warning(() -> "a replayed Twilio request was refused: " + key);
        }
        return inserted == 1;
    }

    /**
     * T6: a delivery status callback, taken only when Twilio signed it and only once.
     *
     * @throws NotTwilio when it is not Twilio's, or a replay
     */
    public Optional<Failed> statusCallback(String url, Map<String, String> params, String signature) {
        if (!genuine(url, params, signature)) {
            throw new NotTwilio();
        }
        return statusReported(params.get("MessageSid"), params.get("MessageStatus"), params.get("ErrorCode"));
    }

    /** A delivery status (queued, sent, delivered, undelivered, failed with Twilio's code); the text that failed, if it did. */
    Optional<Failed> statusReported(String sid, String status, String errorCode) {
        Optional<TextStatus> reported = TextStatus.ofProvider(status);
        Optional<TextMessage> found = texts.bySid(sid);
        if (found.isEmpty() || reported.isEmpty()) {
            LOG.info(() -> "a status for a text Paylink does not know (or a status it has no use for): " + sid + " " + status);
            return Optional.empty();
        }
        TextMessage text = found.get();
        Integer code = errorCode == null || errorCode.isBlank() ? null : Integer.valueOf(errorCode.trim());
        Instant now = clock.instant();
        boolean changed = texts.locked(text.id()).map(t -> t.reported(reported.get(), code, twilioMeaning(code), now)).orElse(false);
        if (changed && reported.get().failed()) {
            texts.tellFailed(text);
            return Optional.of(new Failed(text.id(), text.linkId(), text.requestedBy(), status, code));
        }
        return Optional.empty();
    }

    /** What staff read for Twilio's most common delivery errors. */
    static String twilioMeaning(Integer code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case 30003 -> "The phone could not be reached (off, or out of service).";
            case 30004 -> "The recipient blocked this sender.";
            case 30005 -> "The number does not exist.";
            case 30006 -> "The number cannot receive texts (a landline).";
            case 30007 -> "The carrier filtered the text as unwanted.";
            case 30034 -> "The practice's sender is not registered with US carriers (A2P 10DLC).";
            default -> "Twilio error " + code + ".";
        };
    }
}
