package com.paylink.mail.boundary;

/** Escapes text for the HTML part of an email: the one place mail templates get it from. */
public final class HtmlText {

    private HtmlText() {
    }

    public static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
