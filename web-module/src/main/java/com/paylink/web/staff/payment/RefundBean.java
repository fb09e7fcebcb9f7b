package com.paylink.web.staff.payment;

import com.paylink.web.staff.ledger.LedgerBean;
import com.paylink.payment.boundary.RefundDone;
import com.paylink.payment.boundary.RefundOptions;
import com.paylink.payment.boundary.RefundService;
import com.paylink.shared.BusinessException;
import com.paylink.web.common.Formats;
import com.paylink.web.common.Pages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;

import java.io.Serializable;

/** The Refund payment dialog on the ledger's Payments tab. */
@Named
@ViewScoped
public class RefundBean implements Serializable {

    @EJB
    RefundService refunds;

    @Inject
    LedgerBean ledger;

    @Inject
    Formats fmt;

    private RefundOptions options;
    private String amount;
    private String reason;

    /** Opens the dialog for a payment, or says at once why it cannot be refunded. */
    public void open(Long paymentId) {
        options = null;
        reason = null;
        try {
            options = refunds.options(paymentId);
            amount = options.refundable().toDecimal().toPlainString();
            PrimeFaces.current().ajax().addCallbackParam("ready", true);
        } catch (BusinessException e) {
            Pages.error(null, e);
        }
    }

    public void refund() {
        try {
            RefundDone done = refunds.refund(options.paymentId(), amount, reason);
            Pages.info("refund.done", fmt.money(done.amount()), options.receiptNumber());
            PrimeFaces.current().ajax().addCallbackParam("refunded", true);
            ledger.load();
        } catch (BusinessException e) {
            Pages.error(null, e);
        }
    }

    public RefundOptions getOptions() {
        return options;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
