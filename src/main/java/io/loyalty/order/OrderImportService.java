package io.loyalty.order;

import io.loyalty.common.Ids;
import io.loyalty.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Bulk import of order history. The upload is spooled to a temporary file (so memory stays constant
 * whatever its size) and answered with 202; {@link ImportRunner} then reads it order by order and
 * {@link ImportOrderWriter} writes the orders in batches. Orders that must earn ({@code accrue: true}) go
 * through the normal order path one by one instead. {@link ImportJobs} keeps the job's row.
 */
@ApplicationScoped
public class OrderImportService {

    public enum Format { NDJSON, CSV }

    private final ImportJobs jobs;
    private final ImportRunner runner;

    OrderImportService(ImportJobs jobs, ImportRunner runner) {
        this.jobs = jobs;
        this.runner = runner;
    }

    public ImportJobResponse submit(InputStream body, Format format, Caller caller) {
        Path upload = spool(body);
        UUID id = Ids.newId();
        jobs.create(id, caller, format, "ORDERS");
        runner.submit(id, upload, format, caller);
        return jobs.get(id);
    }

    /** An upload of another kind, run on the same job model (and the same queue: one import at a time). */
    public ImportJobResponse submit(InputStream body, Format format, Caller caller, RecordImport kind) {
        Path upload = spool(body);
        UUID id = Ids.newId();
        jobs.create(id, caller, format, kind.kind());
        runner.submit(id, upload, format, caller, kind);
        return jobs.get(id);
    }

    public ImportJobResponse get(UUID id) {
        return jobs.get(id);
    }

    private static Path spool(InputStream body) {
        try {
            Path file = Files.createTempFile("loyalty-import-", ".upload");
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not spool the upload", e);
        }
    }
}
