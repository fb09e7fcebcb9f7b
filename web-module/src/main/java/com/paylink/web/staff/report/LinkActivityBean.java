package com.paylink.web.staff.report;

import com.paylink.identity.boundary.IdentityService;
import com.paylink.identity.boundary.StaffRow;
import com.paylink.report.boundary.LinkActivityFilter;
import com.paylink.report.boundary.LinkActivityRefused;
import com.paylink.report.boundary.LinkActivityRow;
import com.paylink.report.boundary.LinkActivityService;
import com.paylink.report.boundary.LinkActivitySummary;
import com.paylink.report.boundary.LinkOutcome;
import com.paylink.report.boundary.WeekFigures;
import com.paylink.web.common.Pages;
import com.paylink.web.common.ServerPagedRows;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * The link activity report page (Admins): the filter (from the URL first, then the form), the figures and charts
 * of {@link LinkActivityService#summary}, and the links a page at a time from the server.
 */
@Named
@ViewScoped
public class LinkActivityBean implements Serializable {

    private static final String PAGE = "/staff/admin/link-activity.xhtml";

    @EJB
    transient LinkActivityService reports;

    @EJB
    transient IdentityService identity;

    // the URL's filter (f:viewParam)
    private String fromParam;
    private String toParam;
    private String statusParam;
    private String staffParam;
    private String clientParam;

    // the form's filter
    private LocalDate from;
    private LocalDate to;
    private LinkOutcome outcome;
    private Long staffId;
    private String client;

    /** The report shown; its filter is the one the table and the CSV link use. Null until a filter was accepted. */
    private LinkActivitySummary summary;
    private List<StaffRow> staff;

    private final ServerPagedRows<LinkActivityRow> rows = new ServerPagedRows<>(
            () -> summary == null ? 0 : reports.count(summary.filter()),
            request -> summary == null ? List.of() : reports.rows(summary.filter(), request),
            LinkActivityRow::linkId);

    /** On opening the page: the URL's filter if it has one, else the last 12 weeks. */
    public void load() {
        boolean fromUrl = Stream.of(fromParam, toParam, statusParam, staffParam, clientParam)
                .anyMatch(p -> p != null && !p.isBlank());
        LinkActivityFilter filter = fromUrl
                ? LinkActivityParams.parse(fromParam, toParam, statusParam, staffParam, clientParam)
                : reports.defaultFilter();
        fill(filter);
        show(filter);
    }

    /**
     * Apply: the form's filter, as the page's address (bookmarkable; the CSV link is the same), where the boundary
     * reads it; a refused one leaves the report shown as it was, with the reason (R2).
     */
    public void apply() throws IOException {
        LinkActivityFilter filter = new LinkActivityFilter(from, to, outcome, staffId, client);
        try {
            filter.validated();
        } catch (LinkActivityRefused e) {
            Pages.error((String) null, e);
            return;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + PAGE + "?" + LinkActivityParams.query(filter));
    }

    private void show(LinkActivityFilter filter) {
        try {
            summary = reports.summary(filter);
            fill(summary.filter());
        } catch (LinkActivityRefused e) {
            Pages.error((String) null, e);
        }
    }

    private void fill(LinkActivityFilter filter) {
        from = filter.from();
        to = filter.to();
        outcome = filter.outcome();
        staffId = filter.staffId();
        client = filter.client();
    }

    public List<StaffRow> getStaff() {
        if (staff == null) {
            staff = identity.practiceStaff();
        }
        return staff;
    }

    public LinkOutcome[] getOutcomes() {
        return LinkOutcome.values();
    }

    /** The CSV of the report shown (same filter), or null when none is shown. */
    public String getCsvUrl() {
        return summary == null ? null : FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + LinkActivityCsvServlet.PATH + "?" + LinkActivityParams.query(summary.filter());
    }

    /** Chart.js configuration of the weekly bar chart: links sent, viewed and paid by week of sending. */
    public String getActivityChart() {
        return summary == null ? "{}" : LinkActivityCharts.activity(summary, Pages.messages(), locale());
    }

    /** Chart.js configuration of the amount paid through links by week of sending. */
    public String getCollectedChart() {
        return summary == null ? "{}" : LinkActivityCharts.collected(summary, Pages.messages(), locale());
    }

    /** Chart.js configuration of the doughnut: paid within 24 hours, paid later, not paid. */
    public String getShareChart() {
        return summary == null ? "{}" : LinkActivityCharts.share(summary, Pages.messages());
    }

    /** "Mar 7, 2022": the Monday a week row stands for. */
    public String weekLabel(WeekFigures week) {
        return LinkActivityCharts.weekLabel(week.monday(), locale(), true);
    }

    private static java.util.Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getViewRoot() == null ? faces.getApplication().getDefaultLocale() : faces.getViewRoot().getLocale();
    }

    public LinkActivitySummary getSummary() {
        return summary;
    }

    public ServerPagedRows<LinkActivityRow> getRows() {
        return rows;
    }

    public String getFromParam() {
        return fromParam;
    }

    public void setFromParam(String fromParam) {
        this.fromParam = fromParam;
    }

    public String getToParam() {
        return toParam;
    }

    public void setToParam(String toParam) {
        this.toParam = toParam;
    }

    public String getStatusParam() {
        return statusParam;
    }

    public void setStatusParam(String statusParam) {
        this.statusParam = statusParam;
    }

    public String getStaffParam() {
        return staffParam;
    }

    public void setStaffParam(String staffParam) {
        this.staffParam = staffParam;
    }

    public String getClientParam() {
        return clientParam;
    }

    public void setClientParam(String clientParam) {
        this.clientParam = clientParam;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public LinkOutcome getOutcome() {
        return outcome;
    }

    public void setOutcome(LinkOutcome outcome) {
        this.outcome = outcome;
    }

    public Long getStaffId() {
        return staffId;
    }

    public void setStaffId(Long staffId) {
        this.staffId = staffId;
    }

    public String getClient() {
        return client;
    }

    public void setClient(String client) {
        this.client = client;
    }
}
