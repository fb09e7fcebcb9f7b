package com.paylink.payment.boundary;

import java.util.Objects;

/** A receipt ready to download: its file name ({@code receipt-<number>.pdf}), media type and bytes. */
public record ReceiptDocument(String fileName, String contentType, byte[] content) {

    public ReceiptDocument {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        content = Objects.requireNonNull(content, "content").clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public String toString() {
        return "ReceiptDocument[" + fileName + ", " + content.length + " bytes]";
    }
}
