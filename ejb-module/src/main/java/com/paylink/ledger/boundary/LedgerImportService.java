package com.paylink.ledger.boundary;

import com.paylink.identity.control.CallerLookup;
import com.paylink.identity.entity.Permission;
import com.paylink.identity.entity.Staff;
import com.paylink.ledger.entity.ImportProblem;
import com.paylink.ledger.entity.ImportRun;
import com.paylink.shared.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * L16 (issue 27): a practice's Admins import clients or invoices from a CSV export of their old system: map its
 * columns (the mapping is remembered per practice and kind), preview what the first rows would do with each row's
 * problem in words, then import in the background with a progress bar. Rows are created or updated by the file's own
 * ids through the same rules as the API, so importing the same file again changes nothing; refused rows are listed.
 */
@Stateless
@RolesAllowed(Permission.ADMIN_ROLE)
public class LedgerImportService {

    private static final Logger LOG = Logger.getLogger(LedgerImportService.class.getName());
    /** The preview shows what this many rows would do. */
    public static final int PREVIEW_ROWS = 100;
    static final int PROBLEMS_SHOWN = 200;

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    CallerLookup caller;

    @EJB
    LedgerImportRows rows;

    @EJB
    LedgerImportWorker worker;

    /** The file's columns and the mapping to start from: the practice's last one where its columns fit, else a guess. */
    public ImportPreview inspect(ImportKind kind, Path file) {
        Staff me = caller.requiring(Permission.ADMIN);
        List<String> headers = headers(file);
        Map<String, String> saved = savedMapping(me, kind);
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String field : kind.fields()) {
            String column = saved.get(field);
            if (column == null || !headers.contains(column)) {
                column = kind.suggest(field, headers);
            }
            if (column != null) {
                mapping.put(field, column);
            }
        }
        return new ImportPreview(kind, headers, mapping, unmapped(kind, mapping), count(file), List.of());
    }

    /**
     * What the first {@link #PREVIEW_ROWS} rows would do with this mapping, each checked against the practice's records
     * and undone; an invoice number that appears twice in the file is named on its second row.
     */
    public ImportPreview preview(ImportKind kind, Path file, Map<String, String> mapping) {
        caller.requiring(Permission.ADMIN);
        Map<String, String> used = used(mapping);
        List<String> unmapped = unmapped(kind, used);
        List<ImportPreview.PreviewRow> previewed = new ArrayList<>();
        if (unmapped.isEmpty()) {
            Map<String, Integer> numbers = new HashMap<>();
            try (CSVParser parser = ImportRows.open(file)) {
                for (CSVRecord record : parser) {
                    if (previewed.size() >= PREVIEW_ROWS) {
                        break;
                    }
                    previewed.add(previewRow(kind, ImportRows.row(kind, record, used), numbers));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ImportPreview(kind, headers(file), used, unmapped, count(file), previewed);
    }

    private ImportPreview.PreviewRow previewRow(ImportKind kind, ImportRows.Row row, Map<String, Integer> numbers) {
        RecordRefused problem = row.problem();
        boolean create = false;
        if (problem == null && kind == ImportKind.INVOICES) {
            String number = ((InvoiceInput) row.input()).number();
            Integer first = number == null ? null : numbers.putIfAbsent(number.strip(), row.number());
            if (first != null) {
                problem = RecordRefused.invalid("import-number-twice", number.strip(), first);
            }
        }
        if (problem == null) {
            try {
                create = rows.check(kind, row.externalId(), row.input());
            } catch (RecordRefused e) {
                problem = e;
            } catch (com.paylink.shared.BusinessException e) {
                problem = RecordRefused.invalid(e.code(), e.args());
            }
        }
        return new ImportPreview.PreviewRow(row.number(), row.externalId(), row.summary(), create,
                problem == null ? null : problem.code(), problem == null ? List.of() : Arrays.asList(problem.args()));
    }

    /**
     * Starts the import in the background and remembers the mapping; the file is the import's from now on (deleted when
     * it ends).
     *
     * @throws RecordRefused when a required field is not mapped
     */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED) // the run is committed first
    public long start(ImportKind kind, String fileName, Path file, Map<String, String> mapping) {
        Staff me = caller.requiring(Permission.ADMIN);
        Map<String, String> used = used(mapping);
        List<String> unmapped = unmapped(kind, used);
        if (!unmapped.isEmpty()) {
            throw RecordRefused.invalid("import-unmapped", String.join(", ", unmapped));
        }
        long id = worker.begin(kind, fileName, count(file), used);
        worker.run(id, kind, file, used); // asynchronous
        LOG.info(() -> "practice " + me.practice().id() + ": import " + id + " of " + kind + " started by staff " + me.id());
        return id;
    }

    /** An import of the Admin's practice: its progress, counts and refused rows. */
    public ImportRunView run(long runId) {
        Staff me = caller.requiring(Permission.ADMIN);
        ImportRun run = em.find(ImportRun.class, runId);
        if (run == null || run.practiceId() != me.practice().id()) {
            throw new NotFoundException("import", runId);
        }
        List<ImportRunView.Problem> problems = em.createQuery(
                        "select p from ImportProblem p where p.runId = :r order by p.rowNumber", ImportProblem.class)
                .setParameter("r", runId).setMaxResults(PROBLEMS_SHOWN).getResultStream()
                .map(p -> {
                    String[] parts = p.message().split(LedgerImportWorker.SEPARATOR, -1);
                    return new ImportRunView.Problem(p.rowNumber(), parts[0],
                            List.<Object>of(Arrays.copyOfRange(parts, 1, parts.length)));
                }).toList();
        return new ImportRunView(run.id(), ImportKind.valueOf(run.kind()), run.fileName(), run.status().name(),
                run.totalRows(), run.processed(), run.created(), run.updated(), run.refused(), run.startedAt(),
                run.finishedAt(), problems);
    }

    private static Map<String, String> used(Map<String, String> mapping) {
        Map<String, String> used = new LinkedHashMap<>();
        mapping.forEach((field, column) -> {
            if (column != null && !column.isBlank()) {
                used.put(field, column);
            }
        });
        return used;
    }

    private static List<String> unmapped(ImportKind kind, Map<String, String> mapping) {
        return kind.required().stream().filter(f -> !mapping.containsKey(f)).toList();
    }

    private Map<String, String> savedMapping(Staff me, ImportKind kind) {
        List<?> found = em.createNativeQuery("select mapping from import_mapping where practice_id = ?1 and kind = ?2")
                .setParameter(1, me.practice().id()).setParameter(2, kind.name()).getResultList();
        Map<String, String> mapping = new HashMap<>();
        if (!found.isEmpty()) {
            JsonObject json = Json.createReader(new StringReader((String) found.get(0))).readObject();
            json.forEach((field, column) -> mapping.put(field, ((JsonString) column).getString()));
        }
        return mapping;
    }

    private static List<String> headers(Path file) {
        try {
            if (Files.size(file) > ImportRows.MAX_BYTES) {
                throw RecordRefused.invalid("import-too-large", ImportRows.MAX_BYTES / (1024 * 1024));
            }
            List<String> headers = ImportRows.headers(file);
            if (headers.isEmpty()) {
                throw RecordRefused.invalid("import-no-header");
            }
            return headers;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw RecordRefused.invalid("import-unreadable", e.getMessage() == null ? "" : e.getMessage());
        }
    }

    private static int count(Path file) {
        try {
            return ImportRows.count(file);
        } catch (IOException | IllegalStateException | UncheckedIOException e) {
            throw RecordRefused.invalid("import-unreadable", e.getMessage() == null ? "" : e.getMessage());
        }
    }
}
