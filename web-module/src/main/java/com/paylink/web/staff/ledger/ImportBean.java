package com.paylink.web.staff.ledger;

import com.paylink.ledger.boundary.ImportKind;
import com.paylink.ledger.boundary.ImportPreview;
import com.paylink.ledger.boundary.ImportRows;
import com.paylink.ledger.boundary.ImportRunView;
import com.paylink.ledger.boundary.LedgerImportService;
import com.paylink.shared.BusinessException;
import com.paylink.web.common.Pages;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * L16: Admin &gt; Import: upload a CSV export (kept in a temporary file, never in memory), map its columns, preview the
 * first rows with each one's problem in words, import in the background with a progress bar. The rules are
 * {@link LedgerImportService}'s; this bean carries the steps.
 */
@Named
@ViewScoped
public class ImportBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ImportBean.class.getName());

    @EJB
    LedgerImportService imports;

    private ImportKind kind = ImportKind.CLIENTS;
    private transient Part file;
    private String fileName;
    private String path;
    private final LinkedHashMap<String, String> mapping = new LinkedHashMap<>();
    private transient ImportPreview preview;
    private boolean previewed;
    private Long runId;

    public void upload() {
        discard();
        if (file == null || file.getSize() == 0) {
            Pages.error(null, "import.noFile");
            return;
        }
        if (file.getSize() > ImportRows.MAX_BYTES) {
            Pages.error(null, "error.import-too-large", ImportRows.MAX_BYTES / (1024 * 1024));
            return;
        }
        try {
            Path saved;
            try (InputStream in = file.getInputStream()) {
                saved = ImportRows.save(in);
            }
            path = saved.toString();
            fileName = file.getSubmittedFileName();
            preview = imports.inspect(kind, saved);
            mapping.clear();
            mapping.putAll(preview.mapping());
        } catch (IOException e) {
            LOG.warning(() -> "import upload not kept: " + e.getMessage());
            Pages.error(null, "error.import-unreadable", e.getMessage());
            discard();
        } catch (BusinessException e) {
            Pages.error(null, e);
            discard();
        }
    }

    public void showPreview() {
        try {
            preview = imports.preview(kind, Path.of(path), mapping);
            previewed = preview.unmapped().isEmpty();
            if (!previewed) {
                Pages.error(null, "error.import-unmapped", String.join(", ", preview.unmapped().stream().map(this::fieldLabel).toList()));
            }
        } catch (BusinessException e) {
            Pages.error(null, e);
        }
    }

    public void start() {
        try {
            runId = imports.start(kind, fileName, Path.of(path), mapping);
            path = null; // the import's now: it deletes the file when it ends
        } catch (BusinessException e) {
            Pages.error(null, e);
        }
    }

    public void startOver() {
        discard();
        runId = null;
    }

    /** The current preview (rebuilt after the view was restored from elsewhere). */
    public ImportPreview getPreview() {
        if (preview == null && path != null) {
            preview = previewed ? imports.preview(kind, Path.of(path), mapping) : imports.inspect(kind, Path.of(path));
        }
        return preview;
    }

    public ImportRunView getRun() {
        return runId == null ? null : imports.run(runId);
    }

    public String fieldLabel(String field) {
        return Pages.text("import.field." + field);
    }

    public boolean required(String field) {
        return kind.required().contains(field);
    }

    public String problem(String code, List<Object> args) {
        return Pages.messages().text("error." + code, args.toArray());
    }

    public List<ImportKind> getKinds() {
        return List.of(ImportKind.values());
    }

    @PreDestroy
    void discard() {
        if (path != null) {
            try {
                Files.deleteIfExists(Path.of(path));
            } catch (IOException e) {
                LOG.warning(() -> "import file " + path + " not deleted: " + e.getMessage());
            }
        }
        path = null;
        fileName = null;
        preview = null;
        previewed = false;
        mapping.clear();
    }

    public ImportKind getKind() {
        return kind;
    }

    public void setKind(ImportKind kind) {
        this.kind = kind;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public String getFileName() {
        return fileName;
    }

    public Map<String, String> getMapping() {
        return mapping;
    }

    public boolean isPreviewed() {
        return previewed;
    }

    public Long getRunId() {
        return runId;
    }
}
