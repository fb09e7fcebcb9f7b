package com.paylink.web.staff.ledger;

import com.paylink.ledger.boundary.InvoiceInput;
import com.paylink.ledger.boundary.LedgerRecordsService;
import com.paylink.shared.BusinessException;
import com.paylink.web.common.Pages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * L15: the New invoice form on a client's Ledger: number, date, provider and up to five lines (blank lines are left
 * out). The rules are {@link LedgerRecordsService}'s; this bean carries the fields and goes back to the Ledger.
 */
@Named
@RequestScoped
public class NewInvoiceBean {

    static final int LINES = 5;

    @EJB
    LedgerRecordsService records;

    private Long client;
    private String number;
    private LocalDate issuedOn = LocalDate.now();
    private String provider;
    private final List<Line> lines = new ArrayList<>();

    /** One line's fields as typed. */
    public static class Line {
        private String description;
        private Integer quantity = 1;
        private String unitAmount;

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public Integer getQuantity() {
            return quantity;
        }

        public void setQuantity(Integer quantity) {
            this.quantity = quantity;
        }

        public String getUnitAmount() {
            return unitAmount;
        }

        public void setUnitAmount(String unitAmount) {
            this.unitAmount = unitAmount;
        }

        boolean isBlank() {
            return (description == null || description.isBlank()) && (unitAmount == null || unitAmount.isBlank());
        }
    }

    public NewInvoiceBean() {
        for (int i = 0; i < LINES; i++) {
            lines.add(new Line());
        }
    }

    private List<com.paylink.ledger.boundary.ProviderOption> providers;

    public List<com.paylink.ledger.boundary.ProviderOption> getProviders() {
        if (providers == null) {
            providers = records.providers();
        }
        return providers;
    }

    public void save() throws IOException {
        if (client == null) {
            Pages.notFound();
            return;
        }
        List<InvoiceInput.Line> given = lines.stream().filter(l -> !l.isBlank())
                .map(l -> new InvoiceInput.Line(l.description, l.quantity, l.unitAmount)).toList();
        try {
            records.createInvoice(new InvoiceInput(null, client, number, issuedOn, "USD", given,
                    provider == null || provider.isBlank() ? null : provider, null, null, "open", null));
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + "/staff/ledger.xhtml?client=" + client + "&invoiceCreated="
                    + java.net.URLEncoder.encode(number.strip(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (BusinessException e) {
            Pages.error(null, e);
        }
    }

    public Long getClient() {
        return client;
    }

    public void setClient(Long client) {
        this.client = client;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    public void setIssuedOn(LocalDate issuedOn) {
        this.issuedOn = issuedOn;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public List<Line> getLines() {
        return lines;
    }
}
