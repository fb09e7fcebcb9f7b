package com.paylink.web.common;

import com.paylink.payment.boundary.ReceiptDocument;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Sends a receipt PDF as a download that no browser or proxy keeps (payer and staff alike). */
public final class ReceiptDownloads {

    private ReceiptDownloads() {
    }

    public static void send(HttpServletResponse response, ReceiptDocument receipt) throws IOException {
        byte[] content = receipt.content();
        response.setContentType(receipt.contentType());
        // the file name is "receipt-" and the receipt number's letters, digits and dashes: nothing to escape
        response.setHeader("Content-Disposition", "attachment; filename=\"" + receipt.fileName() + "\"");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.setContentLength(content.length);
        response.getOutputStream().write(content);
    }
}
