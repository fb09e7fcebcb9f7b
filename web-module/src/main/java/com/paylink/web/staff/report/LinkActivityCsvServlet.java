package com.paylink.web.staff.report;

import com.paylink.platform.PaylinkConfig;
import com.paylink.report.boundary.LinkActivityFilter;
import com.paylink.report.boundary.LinkActivityRefused;
import com.paylink.report.boundary.LinkActivityRow;
import com.paylink.report.boundary.LinkActivityService;
import com.paylink.shared.PermissionDeniedException;
import com.paylink.web.common.Messages;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The link activity report as CSV (R5), for the same filter as the page (its URL parameters): Admins only (the
 * admin area's constraint and the boundary's own check), streamed a batch at a time, never held whole.
 */
@WebServlet(LinkActivityCsvServlet.PATH)
public class LinkActivityCsvServlet extends HttpServlet {

    /** Under the admin area, so the container's constraint refuses everyone but Admins first (web.xml). */
    static final String PATH = "/staff/admin/link-activity.csv";

    @EJB
    LinkActivityService reports;

    @Inject
    PaylinkConfig config;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Messages messages = Messages.staff(request.getLocale());
        LinkActivityFilter filter = LinkActivityParams.parse(request.getParameter(LinkActivityParams.FROM),
                request.getParameter(LinkActivityParams.TO), request.getParameter(LinkActivityParams.STATUS),
                request.getParameter(LinkActivityParams.STAFF), request.getParameter(LinkActivityParams.CLIENT));
        List<LinkActivityRow> batch;
        try {
            batch = reports.exportAfter(filter, null);
        } catch (LinkActivityRefused e) {
            response.setContentType("text/plain;charset=UTF-8");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.getWriter().write(messages.of(e));
            return;
        } catch (EJBAccessException | PermissionDeniedException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Disposition", "attachment; filename=\"link-activity-" + filter.from() + "-to-"
                + filter.to() + ".csv\"");
        Writer out = response.getWriter();
        out.write('\uFEFF'); // a byte-order mark, so that spreadsheet programs read the names as UTF-8
        LinkActivityCsv csv = new LinkActivityCsv(out, config.displayZone(), messages);
        while (!batch.isEmpty()) {
            for (LinkActivityRow row : batch) {
                csv.write(row);
            }
            csv.flush();
            batch = batch.size() < LinkActivityService.EXPORT_BATCH ? List.of()
                    : reports.exportAfter(filter, batch.get(batch.size() - 1));
        }
        csv.flush();
    }
}
