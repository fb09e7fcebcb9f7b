package com.paylink.web.staff.payment;

import com.paylink.payment.boundary.ReceiptService;
import com.paylink.shared.NotFoundException;
import com.paylink.web.common.Messages;
import com.paylink.web.common.ReceiptDownloads;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Collections;

/**
 * The Payments tab's receipt download, {@code /staff/receipts/<payment id>} (PAY15): under /staff/, so only a
 * signed-in staff member reaches it; the boundary serves only their own practice's payments. Anything else,
 * another practice's payment included, is 404.
 */
@WebServlet(ReceiptServlet.PATH + "/*")
public class ReceiptServlet extends HttpServlet {

    public static final String PATH = "/staff/receipts";

    @EJB
    ReceiptService receipts;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        if (!id.matches("[0-9]{1,18}")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            ReceiptDownloads.send(response, receipts.forStaff(Long.parseLong(id),
                    Messages.firstSupported(Collections.list(request.getLocales()).iterator())));
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
