package com.paylink.web.staff.collection;

import com.paylink.collection.boundary.OpenBalances;
import com.paylink.shared.BusinessException;
import com.paylink.web.common.Pages;
import com.paylink.web.common.ServerPagedRows;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 24 (C6): Billing's Open balances page: the filters, the server-paged table and its selection, the send dialog's
 * figures, and the batch's progress (polled) and summary. Every rule is the boundary's ({@link OpenBalances}).
 */
@Named
@ViewScoped
public class BalancesBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    OpenBalances balances;

    private BigDecimal minBalance;
    private BigDecimal maxBalance;
    private Integer oldestAtLeastDays;
    private Integer noLinkForDays;
    private String channel;
    private Long providerId;
    /** The filters applied (the fields above are what the form holds until Apply). */
    private BigDecimal appliedMin;
    private BigDecimal appliedMax;
    private Integer appliedAge;
    private Integer appliedNoLink;
    private String appliedChannel;
    private Long appliedProvider;
    // records are not kept in the view's state (its marshalling of records is not to be trusted): each request reads
    // them again, or makes them in the request that shows them
    private transient List<OpenBalances.Row> selected = new ArrayList<>();
    private boolean everyone;
    private ArrayList<Long> chosen = new ArrayList<>();
    private transient OpenBalances.Preview preview;
    private Long batchId;
    private transient OpenBalances.Progress progress;
    private transient Map<Long, String> providers;

    private final ServerPagedRows<OpenBalances.Row> rows = new ServerPagedRows<>(
            () -> balances.count(filter()), request -> balances.page(filter(), request), OpenBalances.Row::clientId);

    private OpenBalances.Filter filter() {
        return new OpenBalances.Filter(appliedMin, appliedMax, appliedAge, appliedNoLink, appliedChannel, appliedProvider);
    }

    public void apply() {
        appliedMin = minBalance;
        appliedMax = maxBalance;
        appliedAge = oldestAtLeastDays;
        appliedNoLink = noLinkForDays;
        appliedChannel = channel == null || channel.isBlank() ? null : channel;
        appliedProvider = providerId;
        selected = new ArrayList<>();
    }

    public void clear() {
        minBalance = null;
        maxBalance = null;
        oldestAtLeastDays = null;
        noLinkForDays = null;
        channel = null;
        providerId = null;
        apply();
    }

    /** The dialog for the rows ticked ({@code all}: every client the filter matches). */
    public void prepare(boolean all) {
        everyone = all;
        chosen = new ArrayList<>(all ? balances.all(filter()) : getSelected().stream().map(OpenBalances.Row::clientId).toList());
        if (chosen.isEmpty()) {
            Pages.error(null, "balances.noneSelected");
            return;
        }
        preview = balances.preview(chosen);
        PrimeFaces.current().ajax().addCallbackParam("ready", true);
    }

    public void send() {
        start(false);
    }

    /** C5: the chosen clients' paper statements, made in the background; one PDF to download once done. */
    public void makeStatements() {
        start(true);
    }

    private void start(boolean statements) {
        try {
            batchId = statements ? balances.startStatements(chosen) : balances.start(chosen);
            progress = balances.progress(batchId);
            selected = new ArrayList<>();
            chosen = new ArrayList<>();
        } catch (BusinessException e) {
            Pages.error(null, e);
        }
    }

    /** Polled while the batch runs. */
    public void refresh() {
        if (batchId != null) {
            progress = balances.progress(batchId);
        }
    }

    /** The finished statements batch's PDF, downloaded (a non-ajax request). */
    public void downloadStatements() throws java.io.IOException {
        if (batchId == null) {
            return;
        }
        jakarta.faces.context.FacesContext faces = jakarta.faces.context.FacesContext.getCurrentInstance();
        jakarta.faces.context.ExternalContext response = faces.getExternalContext();
        try {
            OpenBalances.Progress state = balances.progress(batchId);
            if (!state.statementsReady()) {
                Pages.error(null, new OpenBalances.Refused("batch-statements-gone"));
                return;
            }
            response.responseReset();
            response.setResponseContentType("application/pdf");
            response.setResponseHeader("Content-Disposition", "attachment; filename=\"" + OpenBalances.statementsFileName(batchId) + "\"");
            response.setResponseHeader("Cache-Control", "no-store");
            balances.writeStatements(batchId, response.getResponseOutputStream());
            faces.responseComplete();
        } catch (BusinessException e) {
            Pages.error(null, e);
        }
    }

    public boolean isRunning() {
        return getProgress() != null && !getProgress().finished();
    }

    public Map<Long, String> getProviders() {
        if (providers == null) {
            providers = balances.providers();
        }
        return providers;
    }

    public ServerPagedRows<OpenBalances.Row> getRows() {
        return rows;
    }

    public OpenBalances.Preview getPreview() {
        if (preview == null && hasChosen()) {
            preview = balances.preview(chosen);
        }
        return preview;
    }

    /** Clients are chosen for the dialog (kept in the view's state as ids). */
    public boolean hasChosen() {
        return chosen != null && !chosen.isEmpty();
    }

    public OpenBalances.Progress getProgress() {
        if (progress == null && batchId != null) {
            progress = balances.progress(batchId);
        }
        return progress;
    }

    public boolean isEveryone() {
        return everyone;
    }

    public List<OpenBalances.Row> getSelected() {
        if (selected == null) {
            selected = new ArrayList<>();
        }
        return selected;
    }

    public void setSelected(List<OpenBalances.Row> selected) {
        this.selected = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
    }

    public BigDecimal getMinBalance() {
        return minBalance;
    }

    public void setMinBalance(BigDecimal minBalance) {
        this.minBalance = minBalance;
    }

    public BigDecimal getMaxBalance() {
        return maxBalance;
    }

    public void setMaxBalance(BigDecimal maxBalance) {
        this.maxBalance = maxBalance;
    }

    public Integer getOldestAtLeastDays() {
        return oldestAtLeastDays;
    }

    public void setOldestAtLeastDays(Integer oldestAtLeastDays) {
        this.oldestAtLeastDays = oldestAtLeastDays;
    }

    public Integer getNoLinkForDays() {
        return noLinkForDays;
    }

    public void setNoLinkForDays(Integer noLinkForDays) {
        this.noLinkForDays = noLinkForDays;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public Long getProviderId() {
        return providerId;
    }

    public void setProviderId(Long providerId) {
        this.providerId = providerId;
    }
}
