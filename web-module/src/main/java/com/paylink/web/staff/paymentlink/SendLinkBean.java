package com.paylink.web.staff.paymentlink;

import com.paylink.web.staff.ledger.LedgerBean;
import com.paylink.ledger.boundary.InvoiceRow;
import com.paylink.paymentlink.boundary.Channel;
import com.paylink.paymentlink.boundary.LinkSent;
import com.paylink.paymentlink.boundary.LinkState;
import com.paylink.paymentlink.boundary.PaymentLinkRefused;
import com.paylink.paymentlink.boundary.PaymentLinkService;
import com.paylink.paymentlink.boundary.SendOptions;
import com.paylink.paymentlink.boundary.RecipientOption;
import com.paylink.shared.BusinessException;
import com.paylink.web.common.Formats;
import com.paylink.web.common.Pages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The Send 1-Time Payment Link dialog (for one invoice, or for the invoices selected on the Unpaid Invoices tab)
 * and the Revoke payment link action on the ledger.
 */
@Named
@ViewScoped
public class SendLinkBean implements Serializable {

    @EJB
    PaymentLinkService links;

    @Inject
    LedgerBean ledger;

    @Inject
    Formats fmt;

    private SendOptions options;
    private String recipientKey;
    /** T2: the channels ticked in the dialog. */
    private boolean byEmail;
    private boolean byText;
    private boolean missingEmail;
    /** The rows ticked on the Unpaid Invoices tab. */
    private List<InvoiceRow> selected = new ArrayList<>();

    /** Opens the dialog for an invoice, or says at once why a link cannot be sent. */
    public void open(Long invoiceId) {
        openFor(List.of(invoiceId));
    }

    /** PL12: opens the dialog for the invoices ticked on the Unpaid Invoices tab: one link for all of them. */
    public void openSelected() {
        openFor(selected == null ? List.of() : selected.stream().map(InvoiceRow::id).toList());
    }

    private void openFor(List<Long> invoiceIds) {
        options = null;
        missingEmail = false;
        try {
            options = links.sendOptions(invoiceIds);
            recipientKey = options.defaultRecipientKey();
            // T2: by email when the client has an address; by text when that is the only way (staff tick both at will)
            byEmail = options.isEmailAvailable();
            byText = !byEmail && options.text().available();
            PrimeFaces.current().ajax().addCallbackParam("ready", true);
        } catch (PaymentLinkRefused e) {
            // no address anywhere: besides the message, a note that stays, with the way to add one
            missingEmail = e.reason() == PaymentLinkRefused.Reason.NO_RECIPIENT_EMAIL;
            Pages.error(null, e);
        } catch (BusinessException e) {
            Pages.error(null, e);
        }
    }

    public boolean isMissingEmail() {
        return missingEmail;
    }

    public void dismissMissingEmail() {
        missingEmail = false;
    }

    public void send() {
        try {
            java.util.Set<Channel> channels = java.util.EnumSet.noneOf(Channel.class);
            if (byEmail) {
                channels.add(Channel.EMAIL);
            }
            if (byText) {
                channels.add(Channel.TEXT);
            }
            LinkSent sent = links.send(options.invoiceIds(), recipientKey, channels);
            String where = sentTo(sent);
            if (sent.invoiceIds().size() > 1) {
                Pages.info("link.sentSeveral", sent.invoiceIds().size(), where, fmt.dateTime(sent.expiresAt()));
            } else {
                Pages.info("link.sent", where, fmt.dateTime(sent.expiresAt()));
            }
            selected = new ArrayList<>();
            PrimeFaces.current().ajax().addCallbackParam("sent", true);
            ledger.load();
        } catch (BusinessException e) {
            Pages.error(null, e);
        }
    }

    /** T2: each channel used, as the confirmation names it: "a***@example.com by email and +1 •••-•••-0123 by text". */
    private String sentTo(LinkSent sent) {
        List<String> parts = new ArrayList<>();
        if (sent.emailed()) {
            parts.add(Pages.text("link.sent.byEmail", sent.maskedRecipient()));
        }
        if (sent.texted()) {
            parts.add(sent.textGoesAt() != null && sent.textGoesAt().isAfter(sent.sentAt())
                    ? Pages.text("link.sent.byTextLater", sent.maskedNumber(), fmt.dateTime(sent.textGoesAt()))
                    : Pages.text("link.sent.byText", sent.maskedNumber()));
        }
        return String.join(Pages.text("link.sent.and"), parts);
    }

    public boolean isByEmail() {
        return byEmail;
    }

    public void setByEmail(boolean byEmail) {
        this.byEmail = byEmail;
    }

    public boolean isByText() {
        return byText;
    }

    public void setByText(boolean byText) {
        this.byText = byText;
    }

    /** T1, T5: why the text channel is not offered, in words staff can act on. */
    public String getTextUnavailable() {
        if (options == null || options.text() == null || options.text().available()) {
            return null;
        }
        return Pages.text("error." + options.text().refusalCode(), options.text().refusalArgument());
    }

    public void revoke(Long invoiceId) {
        try {
            links.revoke(invoiceId);
            Pages.info("link.revoked");
            ledger.load();
        } catch (BusinessException e) {
            Pages.error(null, e);
        }
    }

    public String recipientLabel(RecipientOption option) {
        return Pages.messages().label(option.source()) + ": " + option.name() + " <" + option.email() + ">";
    }

    public List<InvoiceRow> getSelected() {
        return selected;
    }

    public void setSelected(List<InvoiceRow> selected) {
        this.selected = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
    }

    public SendOptions getOptions() {
        return options;
    }

    public LinkState getCurrentLink() {
        return options == null ? null : options.currentLink();
    }

    public String getRecipientKey() {
        return recipientKey;
    }

    public void setRecipientKey(String recipientKey) {
        this.recipientKey = recipientKey;
    }
}
