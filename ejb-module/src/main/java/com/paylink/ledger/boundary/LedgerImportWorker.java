package com.paylink.ledger.boundary;

import com.paylink.ledger.entity.ImportProblem;
import com.paylink.ledger.entity.ImportRun;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * L16: runs an import in the background, streaming the file: each row in its own transaction ({@link LedgerImportRows}),
 * the counts written every few hundred rows for the page's progress bar, each refused row's problem kept (at most
 * {@link #PROBLEMS_KEPT}). The file is deleted at the end.
 */
@Stateless
@RolesAllowed(com.paylink.identity.entity.Permission.ADMIN_ROLE)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LedgerImportWorker {

    private static final Logger LOG = Logger.getLogger(LedgerImportWorker.class.getName());
    static final int PROBLEMS_KEPT = 1000;
    static final int PROGRESS_EVERY = 250;
    /** Separates a problem's code and values in its stored form. */
    static final String SEPARATOR = "\u001f";

    @EJB
    LedgerImportRows rows;

    @EJB
    LedgerImportWorker self;

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    com.paylink.identity.control.CallerLookup caller;

    @Asynchronous
    public void run(long runId, ImportKind kind, Path file, Map<String, String> mapping) {
        int processed = 0;
        int created = 0;
        int updated = 0;
        int refused = 0;
        ImportRun.Status outcome = ImportRun.Status.DONE;
        try (CSVParser parser = ImportRows.open(file)) {
            for (CSVRecord record : parser) {
                ImportRows.Row row = ImportRows.row(kind, record, mapping);
                RecordRefused problem = row.problem();
                if (problem == null) {
                    try {
                        if (rows.apply(kind, row.externalId(), row.input())) {
                            created++;
                        } else {
                            updated++;
                        }
                    } catch (RecordRefused e) {
                        problem = e;
                    } catch (com.paylink.shared.BusinessException e) {
                        problem = RecordRefused.invalid(e.code(), e.args());
                    } catch (jakarta.ejb.EJBException e) {
                        LOG.log(Level.WARNING, "import " + runId + ": row " + row.number() + " failed", e);
                        problem = RecordRefused.invalid("import-row-failed");
                    }
                }
                if (problem != null) {
                    refused++;
                    if (refused <= PROBLEMS_KEPT) {
                        self.problem(runId, row.number(), problem);
                    }
                }
                processed++;
                if (processed % PROGRESS_EVERY == 0) {
                    self.progress(runId, processed, created, updated, refused, null);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "import " + runId + " stopped at row " + (processed + 2), e);
            outcome = ImportRun.Status.FAILED;
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warning(() -> "import file " + file + " not deleted: " + e.getMessage());
            }
        }
        self.progress(runId, processed, created, updated, refused, outcome);
        int done = processed;
        int no = refused;
        LOG.info(() -> "import " + runId + " (" + kind + "): " + done + " rows, " + no + " refused");
    }

    /** The run, committed before the rows are read; the mapping remembered for the practice's next import. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long begin(ImportKind kind, String fileName, int totalRows, Map<String, String> mapping) {
        com.paylink.identity.entity.Staff me = caller.requiring(com.paylink.identity.entity.Permission.ADMIN);
        remember(me, kind, mapping);
        ImportRun run = new ImportRun(me.practice().id(), kind.name(), fileName, me.id(), clock.instant(), totalRows);
        em.persist(run);
        em.flush();
        return run.id();
    }

    void remember(com.paylink.identity.entity.Staff me, ImportKind kind, Map<String, String> mapping) {
        jakarta.json.JsonObjectBuilder json = jakarta.json.Json.createObjectBuilder();
        mapping.forEach(json::add);
        em.createNativeQuery("insert into import_mapping (practice_id, kind, mapping) values (?1, ?2, ?3) "
                        + "on conflict (practice_id, kind) do update set mapping = excluded.mapping")
                .setParameter(1, me.practice().id()).setParameter(2, kind.name()).setParameter(3, json.build().toString())
                .executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void progress(long runId, int processed, int created, int updated, int refused, ImportRun.Status finished) {
        ImportRun run = em.find(ImportRun.class, runId);
        run.progressed(processed, created, updated, refused);
        if (finished != null) {
            run.finished(finished, clock.instant());
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void problem(long runId, int rowNumber, RecordRefused problem) {
        StringBuilder stored = new StringBuilder(problem.code());
        for (Object arg : problem.args()) {
            stored.append(SEPARATOR).append(arg);
        }
        em.persist(new ImportProblem(runId, rowNumber, stored.toString()));
    }
}
