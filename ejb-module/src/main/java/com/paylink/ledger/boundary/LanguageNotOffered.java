package com.paylink.ledger.boundary;

import com.paylink.shared.BusinessException;

/** L11: the language asked for has no bundles, so clients cannot be written to in it (error.language-not-offered). */
public class LanguageNotOffered extends BusinessException {

    public LanguageNotOffered(String tag) {
        super("language not offered: " + tag, tag);
    }

    @Override
    public String code() {
        return "language-not-offered";
    }
}
