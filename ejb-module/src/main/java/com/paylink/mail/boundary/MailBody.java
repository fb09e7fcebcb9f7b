package com.paylink.mail.boundary;

/**
 * Builds a client email's plain-text and HTML parts together, block by block, from {@link EmailTexts}: both
 * parts always say the same thing, in the same language, and the HTML part declares it ({@code <html lang>}).
 * An email is a short composer that lists its blocks; every word comes from the bundle.
 */
public final class MailBody {

    private static final String CELL = "<td style=\"padding: 2px 12px 2px 0\">";

    private final EmailTexts texts;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder html = new StringBuilder();

    private MailBody(EmailTexts texts) {
        this.texts = texts;
    }

    public static MailBody in(EmailTexts texts) {
        return new MailBody(texts);
    }

    /** One line of a {@link #facts} block: the label's bundle key and the value (a string or {@link EmailTexts.Strong}). */
    public record Fact(String labelKey, Object value) {
    }

    public static Fact fact(String labelKey, Object value) {
        return new Fact(labelKey, value);
    }

    public MailBody paragraph(String key, Object... args) {
        text.append(texts.text(key, args)).append("\n\n");
        html.append("<p>").append(texts.html(key, args)).append("</p>\n");
        return this;
    }

    /** Small print, e.g. "if you were not expecting this email". */
    public MailBody note(String key, Object... args) {
        text.append(texts.text(key, args)).append("\n\n");
        html.append("<p style=\"color: #5f6b7a; font-size: 0.9em\">").append(texts.html(key, args)).append("</p>\n");
        return this;
    }

    /** Label and value lines ("Amount due: $180.00"); a two-column table in HTML. */
    public MailBody facts(Fact... facts) {
        html.append("<table style=\"border-collapse: collapse\">\n");
        for (Fact fact : facts) {
            String label = texts.text(fact.labelKey());
            text.append(texts.text("layout.fact", label, fact.value())).append('\n');
            html.append("<tr>").append(CELL).append(HtmlText.escape(label)).append("</td><td>")
                    .append(fact.value() instanceof EmailTexts.Strong s
                            ? "<strong>" + HtmlText.escape(s.value()) + "</strong>" : HtmlText.escape(String.valueOf(fact.value())))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
        text.append('\n');
        return this;
    }

    /** The call to action: a button in HTML (with the address spelled out below it), "Label: address" in text. */
    public MailBody button(String labelKey, String url) {
        String label = texts.text(labelKey);
        text.append(texts.text("layout.fact", label, url)).append("\n\n");
        html.append("<p><a href=\"").append(HtmlText.escape(url)).append("\" style=\"display: inline-block; padding: 10px 18px;"
                        + " background: #2b6cb0; color: #ffffff; text-decoration: none; border-radius: 6px\">")
                .append(HtmlText.escape(label)).append("</a></p>\n")
                .append("<p style=\"font-size: 0.9em\">").append(texts.html("layout.copyLink", url)).append("</p>\n");
        return this;
    }

    /** A small link under the message ("Stop these reminders"): the label linked in HTML, "Label: address" in text. */
    public MailBody smallLink(String labelKey, String url) {
        String label = texts.text(labelKey);
        text.append(texts.text("layout.fact", label, url)).append("\n\n");
        html.append("<p style=\"color: #5f6b7a; font-size: 0.9em\"><a href=\"").append(HtmlText.escape(url))
                .append("\" style=\"color: #5f6b7a\">").append(HtmlText.escape(label)).append("</a></p>\n");
        return this;
    }

    /** The closing line: who the email is from (a name, not a bundle key). */
    public MailBody signature(String name) {
        text.append(name).append('\n');
        html.append("<p>").append(HtmlText.escape(name)).append("</p>\n");
        return this;
    }

    public OutgoingMail mail(String fromName, String fromAddress, String to, String subject) {
        String document = "<!DOCTYPE html>\n<html lang=\"" + HtmlText.escape(texts.languageTag())
                + "\"><body style=\"font-family: Arial, sans-serif; color: #1f2933; line-height: 1.5\">\n"
                + html + "</body></html>\n";
        return new OutgoingMail(fromName, fromAddress, to, subject, text.toString(), document);
    }
}
