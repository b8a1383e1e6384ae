package io.loyalty.order;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.loyalty.common.LoyaltyConfig;
import io.loyalty.customer.CustomerRequest;
import io.loyalty.security.Caller;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs imports one at a time on a worker thread of their own. Within a job one thread reads and checks
 * the upload while the worker writes the previous batch of {@value #BATCH}, so parsing and the database
 * work side by side instead of taking turns.
 */
@ApplicationScoped
class ImportRunner {
    private static final Logger LOG = Logger.getLogger(ImportRunner.class);
    static final int BATCH = 1000;
    /** Marks the end of the upload in the queue of batches. */
    private static final List<ImportRecord> END = List.of();

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final ImportJobs jobs;
    private final ImportOrderCheck check;
    private final ImportOrderWriter writer;
    private final OrderService orders;
    private final int maxLinesPerOrder;
    private final int maxLineLength;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> daemon(r, "order-import"));

    ImportRunner(AgroalDataSource dataSource, ObjectMapper mapper, ImportJobs jobs, ImportOrderCheck check,
                 ImportOrderWriter writer, OrderService orders, LoyaltyConfig config) {
        this.maxLinesPerOrder = config.imports().maxLinesPerOrder();
        this.maxLineLength = (int) Math.min(Integer.MAX_VALUE - 8, config.http().jsonMaxBodySize().asLongValue());
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.jobs = jobs;
        this.check = check;
        this.writer = writer;
        this.orders = orders;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Queues the job, which this instance holds until it ends; the spooled upload is deleted then. */
    void submit(UUID jobId, Path upload, OrderImportService.Format format, Caller caller) {
        worker.submit(() -> {
            try {
                run(jobId, upload, format, caller);
            } finally {
                jobs.release(jobId);
            }
        });
    }

    /** Queues a job of another kind, like {@link #submit(UUID, Path, OrderImportService.Format, Caller)}. */
    void submit(UUID jobId, Path upload, OrderImportService.Format format, Caller caller, RecordImport kind) {
        worker.submit(() -> {
            try {
                runRecords(jobId, upload, format, caller, kind);
            } finally {
                jobs.release(jobId);
            }
        });
    }

    /** The job of another kind: it reads and writes its records itself; progress is stored every {@value #BATCH} records. */
    private void runRecords(UUID jobId, Path upload, OrderImportService.Format format, Caller caller, RecordImport kind) {
        ImportProgress progress = new ImportProgress();
        jobs.start(jobId);
        try (InputStream in = Files.newInputStream(upload)) {
            kind.run(jobId, in, format, caller, new RecordImport.Outcomes() {
                @Override
                public void imported() {
                    progress.read(ImportRecord.of(0, null));
                    progress.imported(1);
                    recordNowAndThen();
                }

                @Override
                public void duplicate() {
                    progress.read(ImportRecord.of(0, null));
                    progress.duplicate();
                    recordNowAndThen();
                }

                @Override
                public void rejected(long line, String reason) {
                    progress.read(ImportRecord.unreadable(line, reason));
                    recordNowAndThen();
                }

                private void recordNowAndThen() {
                    if (progress.readSoFar() % BATCH == 0) {
                        jobs.record(jobId, progress.drain());
                    }
                }
            });
            jobs.finish(jobId, progress.drain(), "COMPLETED", null);
        } catch (Exception e) {
            failed(jobId, e, progress);
        } finally {
            delete(upload);
        }
    }

    private void run(UUID jobId, Path upload, OrderImportService.Format format, Caller caller) {
        ImportProgress progress = new ImportProgress();
        jobs.start(jobId);
        BlockingQueue<List<ImportRecord>> batches = new ArrayBlockingQueue<>(2);
        AtomicReference<Exception> readFailure = new AtomicReference<>();
        Thread reader = daemon(() -> read(upload, format, progress, batches, readFailure), "order-import-reader");
        reader.start();
        try {
            writeAll(jobId, batches, caller, progress);
            if (readFailure.get() != null) {
                throw readFailure.get();
            }
            jobs.finish(jobId, progress.drain(), "COMPLETED", null);
        } catch (Exception e) {
            reader.interrupt();
            failed(jobId, e, progress);
        } finally {
            delete(upload);
        }
    }

    private void failed(UUID jobId, Exception e, ImportProgress progress) {
        if (e instanceof UnreadableUpload) {
            LOG.infof("Import %s stopped: %s", jobId, e.getMessage()); // the file's fault, not the service's
        } else {
            LOG.errorf(e, "Import %s failed", jobId);
        }
        jobs.finish(jobId, progress.drain(), "FAILED", failure(e, progress));
    }

    /** Why the job stopped, for whoever sent the file: no parser or JDK internals, they are in the log. */
    private static String failure(Exception e, ImportProgress progress) {
        if (e instanceof UnreadableUpload u) {
            return "the upload could not be read: " + u.getMessage();
        }
        return e instanceof UncheckedIOException || e instanceof IOException
                ? "the upload could not be read after " + progress.readSoFar() + " records"
                : "import failed after " + progress.readSoFar() + " records";
    }

    /** Reads and checks the upload into batches; always ends the queue, whatever happens. */
    private void read(Path upload, OrderImportService.Format format, ImportProgress progress,
                      BlockingQueue<List<ImportRecord>> batches, AtomicReference<Exception> failure) {
        try (InputStream in = Files.newInputStream(upload)) {
            OrderReader records = OrderReader.of(format, in, mapper, maxLinesPerOrder, maxLineLength);
            List<ImportRecord> batch = new ArrayList<>(BATCH);
            for (ImportRecord r = records.next(); r != null; r = records.next()) {
                ImportRecord checked = check.check(r);
                if (progress.read(checked)) {
                    batch.add(checked);
                }
                if (batch.size() == BATCH) {
                    batches.put(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
            batches.put(batch);
        } catch (Exception e) {
            failure.set(e);
        } finally {
            try {
                batches.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void writeAll(UUID jobId, BlockingQueue<List<ImportRecord>> batches, Caller caller, ImportProgress progress)
            throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (List<ImportRecord> batch = batches.take(); batch != END; batch = batches.take()) {
                List<ImportRecord> fast = new ArrayList<>(batch.size());
                for (ImportRecord r : batch) {
                    if (ImportOrderWriter.accepts(r.order())) {
                        fast.add(r);
                    } else {
                        postOne(r, caller, progress);
                    }
                }
                writer.write(c, jobId, fast, caller, progress);
            }
        }
    }

    /** An order that earns, or names its customer in a way the batch writer cannot, goes the normal order path. */
    private void postOne(ImportRecord r, Caller caller, ImportProgress progress) {
        OrderRequest o = r.order();
        if (o.customerId() == null && o.customer() == null && o.customerExternalId() != null) {
            // An import creates the customers it names, whether or not their orders earn.
            o = new OrderRequest(o.externalId(), null, null,
                    new CustomerRequest(o.customerExternalId(), null, null, null, null, null, null),
                    o.placedAt(), o.currency(), o.lines(), o.discount(), o.shipping(), o.total(), o.accrue(), o.channel());
        }
        try {
            if (orders.post(o, caller).created()) {
                progress.imported(1);
            } else {
                progress.duplicate();
            }
        } catch (HttpProblem p) {
            progress.reject(r.refused(p.getDetail()));
        }
    }

    private static void delete(Path upload) {
        try {
            Files.deleteIfExists(upload);
        } catch (IOException e) {
            LOG.warnf("Could not delete %s", upload);
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        return t;
    }
}
