/**
 * Text messages (issue 23, text-to-pay): the provider (Twilio, through its own Java SDK, only in
 * {@code control.TextGateway}), what a text says and how carriers count it ({@code PaymentLinkText}, {@code SmsSegments}),
 * quiet hours ({@code QuietHours}), phone numbers ({@code PhoneNumbers}, libphonenumber), and every text Paylink asked
 * for, from asking to the provider's last word ({@code text_message}, written only here, by {@code Texts}). What a link's
 * text is for lives in paymentlink ({@code LinkTexts}, {@code PaymentLinkTextService}); a client's number and consent in
 * ledger ({@code ClientTextingService}); a practice's sender in practice ({@code TextingSetupService}).
 * <p>Rules:
 * <ol>
 * <li>T1. Paylink texts a client only at a mobile number (E.164, validated with libphonenumber) the client consented
 * to be texted at ({@code Client.canBeTexted}); consent is recorded with how, when and by whom, belongs to a number (a new
 * number has none), is changed only by Billing staff and Admins or by the client's own reply, and every change is in
 * the client's history. It is checked when the text is asked for ({@code PaymentLinkService.send}) and again as the
 * text goes ({@code LinkTexts.prepare}).</li>
 * <li>T2. One link, whatever the channels: email, text or both are one {@code payment_link}, paid once; the text
 * carries its own token for that link (minted as the text goes, its hash only kept: PL6), as the expiry reminder's
 * email does. Every channel asked for must be possible, or nothing is sent.</li>
 * <li>T3. A link's text says the practice's texting name, the amount, the expiry, the link and how to opt out;
 * nothing else: no service, provider, diagnosis, appointment or client name. In the client's language.</li>
 * <li>T4. Texts go only between 08:00 and 21:00 in the client's time zone (the practice's when the client has
 * none). A text asked for outside that window waits ({@code SCHEDULED}, sent by {@code LinkTextSchedule} when it
 * opens) and its link then lives its whole lifetime from that moment: a client never receives a link with hours
 * left of its life.</li>
 * <li>T5. A text goes from the practice's own sender (a Twilio Messaging Service). Paylink's idempotency key (one per
 * link and purpose, unique in {@code text_message}) makes a second request find the first; a claim under the text's
 * lock sends it once; a send Twilio answered "not now" (429, 503) is held and tried again; a send whose answer was
 * lost stays SENDING and, after a lease, Twilio's own list is searched for it (by its token's hash) before anything
 * is sent again. A text is never sent twice.</li>
 * <li>T6. Twilio's webhook ({@code POST /webhooks/sms}) is taken only with a valid {@code X-Twilio-Signature} for
 * the address Twilio was given, and only once (a replay is refused, 403, and changes nothing). STOP, STOPALL,
 * UNSUBSCRIBE, CANCEL, END and QUIT withdraw consent at once; START, UNSTOP and YES restore it; HELP is answered
 * with the practice's name and phone. Delivery statuses move a text forward only, with Twilio's error code; Twilio's
 * refusal of an unsubscribed recipient (21610) withdraws the consent as STOP does.</li>
 * </ol>
 */
package com.paylink.texting;
