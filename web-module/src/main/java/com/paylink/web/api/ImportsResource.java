package com.paylink.web.api;

import com.paylink.ledger.boundary.ImportKind;
import com.paylink.ledger.boundary.ImportPreview;
import com.paylink.ledger.boundary.ImportRows;
import com.paylink.ledger.boundary.ImportRunView;
import com.paylink.ledger.boundary.LedgerImportService;
import com.paylink.web.common.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

/**
 * L16: the CSV import without the page, for scripts: {@code POST /api/imports?kind=clients|invoices} with the file as
 * {@code text/csv} starts an import with the practice's remembered mapping (else the columns' usual names) and answers
 * 202 with its id; {@code GET /api/imports/{id}} reads its progress, counts and refused rows. Admins only.
 */
@Path("/imports")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class ImportsResource {

    private static final Messages MESSAGES = Messages.api();

    @EJB
    LedgerImportService imports;

    /** A started import. */
    public record Started(long id, int totalRows) {
    }

    /** An import's state, with each refused row's problem in words. */
    public record RunJson(long id, String kind, String status, int totalRows, int processed, int created, int updated,
                          int refused, List<ProblemJson> problems) {
    }

    public record ProblemJson(int row, String code, String message) {
    }

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public Response start(@QueryParam("kind") String kind, @QueryParam("fileName") String fileName, InputStream body)
            throws IOException {
        ImportKind what = kind(kind);
        java.nio.file.Path file = ImportRows.save(body);
        try {
            ImportPreview inspected = imports.inspect(what, file);
            long id = imports.start(what, fileName == null ? "api.csv" : fileName, file, inspected.mapping());
            file = null; // the import's now
            return Response.accepted(new Started(id, inspected.totalRows())).build();
        } finally {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
    }

    @GET
    @Path("/{id}")
    public RunJson run(@PathParam("id") long id) {
        ImportRunView run = imports.run(id);
        return new RunJson(run.id(), run.kind().name().toLowerCase(Locale.ROOT), run.status(), run.totalRows(), run.processed(),
                run.created(), run.updated(), run.refused(), run.problems().stream()
                .map(p -> new ProblemJson(p.rowNumber(), p.code(), MESSAGES.text("error." + p.code(), p.args().toArray())))
                .toList());
    }

    private static ImportKind kind(String kind) {
        try {
            return ImportKind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiJson.Malformed("kind must be clients or invoices");
        }
    }
}
