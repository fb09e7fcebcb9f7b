package com.paylink.web.payer;

import com.paylink.payment.boundary.ReceiptDocument;
import com.paylink.payment.boundary.ReceiptService;
import com.paylink.web.common.Messages;
import com.paylink.web.common.ReceiptDownloads;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Collections;
import java.util.Optional;

/**
 * The paid page's "Download receipt (PDF)" (PAY15): the receipt of the payment made through the link this
 * browser's payer session opened, in the payer's language. No session, another link's session, or a link not
 * paid through Paylink: 404, the same for all.
 */
@WebServlet(PayerReceiptServlet.PATH)
public class PayerReceiptServlet extends HttpServlet {

    public static final String PATH = "/checkout/receipt";

    @EJB
    ReceiptService receipts;

    @Inject
    PayerSessions payers;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Long linkId = payers.find(request).map(PayerSession::linkId).orElse(null);
        Optional<ReceiptDocument> receipt = linkId == null ? Optional.empty()
                : receipts.forPayer(linkId, Messages.firstSupported(Collections.list(request.getLocales()).iterator()));
        if (receipt.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ReceiptDownloads.send(response, receipt.get());
    }
}
