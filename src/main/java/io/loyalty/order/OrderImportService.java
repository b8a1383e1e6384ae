package io.loyalty.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.agroal.api.AgroalDataSource;
import io.loyalty.common.Ids;
import io.loyalty.common.RequestHash;
import io.loyalty.common.error.JsonInputExceptionMappers;
import io.loyalty.common.error.Problems;
import io.loyalty.customer.CustomerRequest;
import io.loyalty.security.Caller;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Bulk import of order history. The upload is spooled to a temporary file (so memory stays constant
 * whatever its size) and answered with 202; a worker then reads it record by record and writes orders
 * in batches of {@value #BATCH}, each batch one transaction of four array-valued statements (customers,
 * their ids, orders, lines). Orders that must earn ({@code accrue: true}) go through the normal order
 * path one by one instead.
 */
@ApplicationScoped
public class OrderImportService {
    private static final Logger LOG = Logger.getLogger(OrderImportService.class);
    static final int BATCH = 1000;
    static final int MAX_STORED_REJECTIONS = 1000;
    static final int ABANDONED_AFTER_MINUTES = 5;
    static final String NUL_REJECTION = "contains the NUL character (U+0000), which cannot be stored";

    public enum Format { NDJSON, CSV }

    @jakarta.inject.Inject io.loyalty.common.BusinessMetrics metrics;
    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final OrderService orders;
    /** Jobs this instance has queued or is running. */
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "order-import");
        t.setDaemon(true);
        return t;
    });

    OrderImportService(AgroalDataSource dataSource, ObjectMapper mapper, Validator validator, OrderService orders) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.validator = validator;
        this.orders = orders;
    }

    void onStart(@Observes StartupEvent event) {
        failAbandoned();
    }

    /**
     * Each instance keeps the jobs it holds (queued behind another upload, or running) alive, and any instance
     * reports as failed the jobs nobody has kept alive for {@value #ABANDONED_AFTER_MINUTES} minutes: their
     * upload was spooled on an instance that stopped, so no one else can finish them, and a client polling one
     * must not see it QUEUED or RUNNING forever.
     */
    @Scheduled(identity = "import-heartbeat", every = "60s", delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void keepAlive() {
        UUID[] mine = held.toArray(UUID[]::new);
        if (mine.length > 0) {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "UPDATE import_job SET heartbeat_at = now() WHERE id = ANY (?) AND status IN ('QUEUED', 'RUNNING')")) {
                s.setArray(1, c.createArrayOf("uuid", mine));
                s.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("import heartbeat failed", e);
            }
        }
        failAbandoned();
    }

    void hold(UUID jobId) {
        held.add(jobId);
    }

    void release(UUID jobId) {
        held.remove(jobId);
    }

    private void failAbandoned() {
        execute("""
                UPDATE import_job SET status = 'FAILED', error = 'interrupted: the instance running it stopped',
                       finished_at = now()
                WHERE status IN ('QUEUED', 'RUNNING')
                  AND heartbeat_at < now() - make_interval(mins => ?)""", ABANDONED_AFTER_MINUTES);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    public ImportJobResponse submit(InputStream body, Format format, Caller caller) {
        Path file;
        try {
            file = Files.createTempFile("loyalty-import-", ".upload");
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not spool the upload", e);
        }
        UUID id = Ids.newId();
        execute("INSERT INTO import_job (id, api_key_id, format, status, created_at, heartbeat_at) VALUES (?, ?, ?, 'QUEUED', now(), now())",
                id, caller.apiKeyId(), format.name());
        hold(id);
        worker.submit(() -> {
            try {
                run(id, file, format, caller);
            } finally {
                release(id);
            }
        });
        return get(id);
    }

    public ImportJobResponse get(UUID id) {
        try (Connection c = dataSource.getConnection()) {
            ImportJobResponse job;
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT format, status, rows_read, imported, duplicates, rejected, customers_created, error,
                           created_at, started_at, finished_at FROM import_job WHERE id = ?""")) {
                s.setObject(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw Problems.notFound("Import", id);
                    }
                    job = new ImportJobResponse(id, rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), List.of(), rs.getString(8), instant(rs.getTimestamp(9)),
                            instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)));
                }
            }
            List<ImportJobResponse.Rejection> rejections = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT line_no, reason FROM import_rejection WHERE job_id = ? ORDER BY line_no")) {
                s.setObject(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rejections.add(new ImportJobResponse.Rejection(rs.getLong(1), rs.getString(2)));
                    }
                }
            }
            return new ImportJobResponse(job.id(), job.format(), job.status(), job.rowsRead(), job.imported(),
                    job.duplicates(), job.rejected(), job.customersCreated(), rejections, job.error(), job.createdAt(),
                    job.startedAt(), job.finishedAt());
        } catch (SQLException e) {
            throw new IllegalStateException("could not read import " + id, e);
        }
    }

    /** One order read from the upload, valid or not. */
    private record Record(long line, OrderRequest order, String problem) {
    }

    private static final class Progress {
        long read;
        long imported;
        long duplicates;
        long rejected;
        long customersCreated;
        /** Rejections not yet written; at most {@value #MAX_STORED_REJECTIONS} are ever kept per job. */
        final List<Record> rejections = new ArrayList<>();
        private int kept;

        synchronized void reject(Record r) {
            rejected++;
            if (kept < MAX_STORED_REJECTIONS) {
                rejections.add(r);
                kept++;
            }
        }
    }

    /**
     * Reads and checks records on one thread while another writes the previous batch, so parsing and
     * the database work side by side instead of taking turns.
     */
    private void run(UUID jobId, Path file, Format format, Caller caller) {
        Progress progress = new Progress();
        execute("UPDATE import_job SET status = 'RUNNING', started_at = now(), heartbeat_at = now() WHERE id = ?", jobId);
        BlockingQueue<List<Record>> batches = new ArrayBlockingQueue<>(2);
        List<Record> end = List.of();
        AtomicReference<Exception> readFailure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try (InputStream in = Files.newInputStream(file)) {
                RecordReader records = format == Format.NDJSON ? new NdjsonReader(in) : new CsvReader(in);
                List<Record> batch = new ArrayList<>(BATCH);
                for (Record r = records.next(); r != null; r = records.next()) {
                    Record checked = r.problem() != null ? r : check(r);
                    synchronized (progress) {
                        progress.read++;
                        if (checked.problem() != null) {
                            progress.reject(checked);
                            continue;
                        }
                    }
                    batch.add(checked);
                    if (batch.size() == BATCH) {
                        batches.put(batch);
                        batch = new ArrayList<>(BATCH);
                    }
                }
                batches.put(batch);
            } catch (Exception e) {
                readFailure.set(e);
            } finally {
                try {
                    batches.put(end);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "order-import-reader");
        reader.setDaemon(true);
        reader.start();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (List<Record> batch = batches.take(); batch != end; batch = batches.take()) {
                List<Record> fast = new ArrayList<>(batch.size());
                for (Record r : batch) {
                    if (Boolean.TRUE.equals(r.order().accrue()) || fastCustomer(r.order()) == null) {
                        postOne(r, caller, progress);
                    } else {
                        fast.add(r);
                    }
                }
                write(c, jobId, fast, caller, progress);
            }
            if (readFailure.get() != null) {
                throw readFailure.get();
            }
            finish(jobId, progress, "COMPLETED", null);
        } catch (Exception e) {
            LOG.errorf(e, "Import %s failed", jobId);
            reader.interrupt();
            finish(jobId, progress, "FAILED", e instanceof UncheckedIOException || e instanceof IOException
                    ? "the upload could not be read: " + e.getMessage() : "import failed after " + progress.read + " records");
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warnf("Could not delete %s", file);
            }
        }
    }

    /** The same checks as POST /orders, without touching the database. */
    private Record check(Record r) {
        OrderRequest o = r.order();
        Set<ConstraintViolation<OrderRequest>> violations = validator.validate(o);
        if (!violations.isEmpty()) {
            return new Record(r.line(), o, violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .sorted().collect(Collectors.joining("; ")));
        }
        int named = (o.customerId() != null ? 1 : 0) + (o.customerExternalId() != null ? 1 : 0) + (o.customer() != null ? 1 : 0);
        if (named != 1) {
            return new Record(r.line(), o, "exactly one of customerId, customerExternalId and customer is required");
        }
        try {
            OrderService.validateAmounts(o, o.placedAt().toInstant());
        } catch (HttpProblem p) {
            return new Record(r.line(), o, p.getDetail());
        }
        return r;
    }

    /** The external id under which the fast path finds or creates the customer; null if it cannot. */
    private static String fastCustomer(OrderRequest o) {
        if (o.customerExternalId() != null) {
            return o.customerExternalId();
        }
        if (o.customer() != null) {
            return o.customer().externalId();
        }
        return o.customerId() != null ? "" : null;
    }

    private void postOne(Record r, Caller caller, Progress progress) {
        OrderRequest o = r.order();
        if (o.customerId() == null && o.customer() == null && o.customerExternalId() != null) {
            // An import creates the customers it names, whether or not their orders earn.
            o = new OrderRequest(o.externalId(), null, null,
                    new io.loyalty.customer.CustomerRequest(o.customerExternalId(), null, null, null, null, null, null),
                    o.placedAt(), o.currency(), o.lines(), o.discount(), o.shipping(), o.total(), o.accrue());
        }
        try {
            boolean created = orders.post(o, caller).created();
            synchronized (progress) {
                if (created) {
                    progress.imported++;
                } else {
                    progress.duplicates++;
                }
            }
        } catch (HttpProblem p) {
            progress.reject(new Record(r.line(), r.order(), p.getDetail()));
        }
    }

    private void write(Connection c, UUID jobId, List<Record> batch, Caller caller, Progress progress) throws SQLException {
        try {
            if (!batch.isEmpty()) {
                writeOrders(c, batch, caller, progress);
            }
            List<Record> stored;
            long read;
            long imported;
            long duplicates;
            long rejected;
            long customers;
            synchronized (progress) {
                stored = new ArrayList<>(progress.rejections);
                progress.rejections.clear();
                read = progress.read;
                imported = progress.imported;
                duplicates = progress.duplicates;
                rejected = progress.rejected;
                customers = progress.customersCreated;
            }
            if (!stored.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("""
                        INSERT INTO import_rejection (job_id, line_no, reason)
                        SELECT ?, * FROM unnest(?::bigint[], ?::text[]) ON CONFLICT DO NOTHING""")) {
                    s.setObject(1, jobId);
                    s.setArray(2, c.createArrayOf("bigint", stored.stream().map(Record::line).toArray()));
                    s.setArray(3, c.createArrayOf("text", stored.stream().map(Record::problem).toArray()));
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE import_job SET rows_read = ?, imported = ?, duplicates = ?, rejected = ?, customers_created = ?,
                           heartbeat_at = now() WHERE id = ?""")) {
                s.setLong(1, read);
                s.setLong(2, imported);
                s.setLong(3, duplicates);
                s.setLong(4, rejected);
                s.setLong(5, customers);
                s.setObject(6, jobId);
                s.executeUpdate();
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    private void writeOrders(Connection c, List<Record> batch, Caller caller, Progress progress) throws SQLException {
        // 1. Customers named by external id: create the missing ones, then read every id.
        Map<String, CustomerRequest> wanted = new HashMap<>();
        for (Record r : batch) {
            String ext = fastCustomer(r.order());
            if (!ext.isEmpty()) {
                CustomerRequest inline = r.order().customer();
                wanted.putIfAbsent(ext, inline != null ? inline
                        : new CustomerRequest(ext, null, null, null, null, null, false));
            }
        }
        Map<String, UUID> customerIds = new HashMap<>();
        if (!wanted.isEmpty()) {
            List<CustomerRequest> all = new ArrayList<>(wanted.values());
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO customer (id, external_id, email, first_name, last_name, marketing_consent, created_at, updated_at)
                    SELECT u.id, u.ext, u.email, u.first, u.last, false, now(), now()
                    FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[]) AS u(id, ext, email, first, last)
                    ON CONFLICT DO NOTHING""")) {
                s.setArray(1, c.createArrayOf("uuid", all.stream().map(x -> Ids.newId()).toArray()));
                s.setArray(2, c.createArrayOf("text", all.stream().map(CustomerRequest::externalId).toArray()));
                s.setArray(3, c.createArrayOf("text", all.stream().map(CustomerRequest::email).toArray()));
                s.setArray(4, c.createArrayOf("text", all.stream().map(CustomerRequest::firstName).toArray()));
                s.setArray(5, c.createArrayOf("text", all.stream().map(CustomerRequest::lastName).toArray()));
                int created = s.executeUpdate();
                synchronized (progress) {
                    progress.customersCreated += created;
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT external_id, id FROM customer WHERE external_id = ANY(?)")) {
                s.setArray(1, c.createArrayOf("text", wanted.keySet().toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        customerIds.put(rs.getString(1), rs.getObject(2, UUID.class));
                    }
                }
            }
        }
        Set<UUID> knownIds = new HashSet<>();
        List<UUID> named = batch.stream().map(r -> r.order().customerId()).filter(java.util.Objects::nonNull).toList();
        if (!named.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM customer WHERE id = ANY(?)")) {
                s.setArray(1, c.createArrayOf("uuid", named.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        knownIds.add(rs.getObject(1, UUID.class));
                    }
                }
            }
        }

        // 2. Orders; an externalId already taken (by an earlier import or the API) is skipped.
        List<Record> ready = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        List<UUID> customers = new ArrayList<>();
        for (Record r : batch) {
            OrderRequest o = r.order();
            UUID customer = o.customerId() != null ? (knownIds.contains(o.customerId()) ? o.customerId() : null)
                    : customerIds.get(fastCustomer(o));
            if (customer == null) {
                progress.reject(new Record(r.line(), o, o.customerId() != null
                        ? "customer " + o.customerId() + " does not exist"
                        : "customer '" + fastCustomer(o) + "' could not be created (its email belongs to another customer)"));
                continue;
            }
            ready.add(r);
            ids.add(Ids.newId());
            customers.add(customer);
        }
        if (ready.isEmpty()) {
            return;
        }
        HexFormat hex = HexFormat.of();
        Set<UUID> inserted = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO orders (id, api_key_id, external_id, customer_id, placed_at, currency, subtotal, discount, shipping,
                                    total, returned_amount, status, accrue, request_hash, accrual, created_at)
                SELECT u.id, ?, u.ext, u.cust, u.placed, u.cur, u.sub, u.disc, u.ship, u.tot, 0, 'PLACED', false,
                       decode(u.hash, 'hex'), '[]'::jsonb, now()
                FROM unnest(?::uuid[], ?::text[], ?::uuid[], ?::timestamptz[], ?::text[], ?::numeric[], ?::numeric[],
                            ?::numeric[], ?::numeric[], ?::text[])
                     AS u(id, ext, cust, placed, cur, sub, disc, ship, tot, hash)
                ON CONFLICT (api_key_id, external_id) DO NOTHING
                RETURNING id""")) {
            s.setObject(1, caller.apiKeyId());
            s.setArray(2, c.createArrayOf("uuid", ids.toArray()));
            s.setArray(3, c.createArrayOf("text", ready.stream().map(r -> r.order().externalId()).toArray()));
            s.setArray(4, c.createArrayOf("uuid", customers.toArray()));
            s.setArray(5, c.createArrayOf("text", ready.stream().map(r -> r.order().placedAt().toString()).toArray()));
            s.setArray(6, c.createArrayOf("text", ready.stream().map(r -> r.order().currency()).toArray()));
            s.setArray(7, numbers(c, ready.stream().map(r -> subtotal(r.order())).toList()));
            s.setArray(8, numbers(c, ready.stream().map(r -> orZero(r.order().discount())).toList()));
            s.setArray(9, numbers(c, ready.stream().map(r -> orZero(r.order().shipping())).toList()));
            s.setArray(10, numbers(c, ready.stream().map(r -> r.order().total()).toList()));
            s.setArray(11, c.createArrayOf("text", ready.stream()
                    .map(r -> hex.formatHex(RequestHash.of(mapper, r.order()))).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getObject(1, UUID.class));
                }
            }
        }

        // 3. Lines of the orders that were inserted.
        List<Object> lineOrder = new ArrayList<>();
        List<Object> lineNo = new ArrayList<>();
        List<Object> sku = new ArrayList<>();
        List<Object> name = new ArrayList<>();
        List<Object> category = new ArrayList<>();
        List<Object> quantity = new ArrayList<>();
        List<Object> price = new ArrayList<>();
        for (int i = 0; i < ready.size(); i++) {
            if (!inserted.contains(ids.get(i))) {
                continue;
            }
            List<OrderRequest.Line> lines = ready.get(i).order().lines();
            for (int n = 0; n < lines.size(); n++) {
                OrderRequest.Line l = lines.get(n);
                lineOrder.add(ids.get(i));
                lineNo.add(n + 1);
                sku.add(l.sku());
                name.add(l.name());
                category.add(l.category());
                quantity.add(l.quantity());
                price.add(l.unitPrice().toPlainString());
            }
        }
        if (!lineOrder.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO order_line (order_id, line_no, sku, name, category, quantity, unit_price)
                    SELECT * FROM unnest(?::uuid[], ?::int[], ?::text[], ?::text[], ?::text[], ?::int[], ?::numeric[])""")) {
                s.setArray(1, c.createArrayOf("uuid", lineOrder.toArray()));
                s.setArray(2, c.createArrayOf("int4", lineNo.toArray()));
                s.setArray(3, c.createArrayOf("text", sku.toArray()));
                s.setArray(4, c.createArrayOf("text", name.toArray()));
                s.setArray(5, c.createArrayOf("text", category.toArray()));
                s.setArray(6, c.createArrayOf("int4", quantity.toArray()));
                s.setArray(7, c.createArrayOf("text", price.toArray()));
                s.executeUpdate();
            }
        }
        synchronized (progress) {
            progress.imported += inserted.size();
        }

        // 4. Skipped ones: a true duplicate has the same content; the same externalId with other content is an error.
        List<Record> skipped = new ArrayList<>();
        for (int i = 0; i < ready.size(); i++) {
            if (!inserted.contains(ids.get(i))) {
                skipped.add(ready.get(i));
            }
        }
        if (!skipped.isEmpty()) {
            Map<String, String> stored = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT external_id, encode(request_hash, 'hex') FROM orders WHERE api_key_id = ? AND external_id = ANY(?)")) {
                s.setObject(1, caller.apiKeyId());
                s.setArray(2, c.createArrayOf("text", skipped.stream().map(r -> r.order().externalId()).toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        stored.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            for (Record r : skipped) {
                if (hex.formatHex(RequestHash.of(mapper, r.order())).equals(stored.get(r.order().externalId()))) {
                    synchronized (progress) {
                        progress.duplicates++;
                    }
                } else {
                    progress.reject(new Record(r.line(), r.order(),
                            "externalId '" + r.order().externalId() + "' was already used for a different order"));
                }
            }
        }
    }

    private void finish(UUID jobId, Progress progress, String status, String error) {
        synchronized (progress) {
            finishLocked(jobId, progress, status, error);
        }
    }

    private void finishLocked(UUID jobId, Progress progress, String status, String error) {
        metrics.importRows(progress.imported, progress.duplicates, progress.rejected);
        try (Connection c = dataSource.getConnection()) {
            if (!progress.rejections.isEmpty()) {
                c.setAutoCommit(false);
                try (PreparedStatement s = c.prepareStatement("""
                        INSERT INTO import_rejection (job_id, line_no, reason)
                        SELECT ?, * FROM unnest(?::bigint[], ?::text[]) ON CONFLICT DO NOTHING""")) {
                    s.setObject(1, jobId);
                    s.setArray(2, c.createArrayOf("bigint", progress.rejections.stream().map(Record::line).toArray()));
                    s.setArray(3, c.createArrayOf("text", progress.rejections.stream().map(Record::problem).toArray()));
                    s.executeUpdate();
                }
                c.commit();
                c.setAutoCommit(true);
            }
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE import_job SET status = ?, error = ?, rows_read = ?, imported = ?, duplicates = ?, rejected = ?,
                           customers_created = ?, finished_at = now(), heartbeat_at = now() WHERE id = ?""")) {
                s.setString(1, status);
                s.setString(2, error);
                s.setLong(3, progress.read);
                s.setLong(4, progress.imported);
                s.setLong(5, progress.duplicates);
                s.setLong(6, progress.rejected);
                s.setLong(7, progress.customersCreated);
                s.setObject(8, jobId);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            LOG.errorf(e, "Could not record the end of import %s", jobId);
        }
    }

    private interface RecordReader {
        /** The next order of the upload, or null at its end. */
        Record next() throws IOException;
    }

    /** One JSON order per line, exactly the body of POST /orders (accrue defaults to false). */
    private final class NdjsonReader implements RecordReader {
        private final BufferedReader lines;
        private long lineNo;

        NdjsonReader(InputStream in) {
            this.lines = new BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        }

        @Override
        public Record next() throws IOException {
            String line;
            do {
                line = lines.readLine();
                lineNo++;
                if (line == null) {
                    return null;
                }
            } while (line.isBlank());
            // PostgreSQL stores no NUL in text; caught here, it rejects this order instead of failing its batch.
            if (line.indexOf('\0') >= 0 || line.contains("\\u0000")) {
                return new Record(lineNo, null, NUL_REJECTION);
            }
            try {
                OrderRequest o = mapper.readValue(line, OrderRequest.class);
                return new Record(lineNo, o.accrue() == null ? withAccrue(o, false) : o, null);
            } catch (JsonProcessingException e) {
                return new Record(lineNo, null, JsonInputExceptionMappers.problem(e).getDetail());
            }
        }
    }

    /**
     * CSV with a header row. Consecutive rows with the same externalId are the lines of one order; the
     * order's own columns are read from its first row. Without a sku column value the order gets one
     * line worth its total less shipping plus discount.
     */
    private static final class CsvReader implements RecordReader {
        private final MappingIterator<Map<String, String>> rows;
        private Map<String, String> pending;
        private long pendingLine;

        CsvReader(InputStream in) throws IOException {
            CsvMapper csv = new CsvMapper();
            csv.enable(CsvParser.Feature.TRIM_SPACES);
            csv.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
            rows = csv.readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader()).readValues(in);
        }

        @Override
        public Record next() throws IOException {
            if (pending == null) {
                if (!rows.hasNextValue()) {
                    return null;
                }
                pendingLine = rows.getCurrentLocation().getLineNr();
                pending = rows.nextValue();
            }
            Map<String, String> first = pending;
            long line = pendingLine;
            List<Map<String, String>> group = new ArrayList<>(List.of(first));
            pending = null;
            while (rows.hasNextValue()) {
                long nextLine = rows.getCurrentLocation().getLineNr();
                Map<String, String> row = rows.nextValue();
                if (blank(first.get("externalId")) || !first.get("externalId").equals(row.get("externalId"))) {
                    pending = row;
                    pendingLine = nextLine;
                    break;
                }
                group.add(row);
            }
            if (group.stream().anyMatch(row -> row.values().stream().anyMatch(v -> v != null && v.indexOf('\0') >= 0))) {
                return new Record(line, null, NUL_REJECTION);
            }
            try {
                return new Record(line, toOrder(group), null);
            } catch (IllegalArgumentException e) {
                return new Record(line, null, e.getMessage());
            }
        }

        private static OrderRequest toOrder(List<Map<String, String>> group) {
            Map<String, String> f = group.get(0);
            BigDecimal total = decimal(f, "total");
            BigDecimal discount = decimal(f, "discount");
            BigDecimal shipping = decimal(f, "shipping");
            List<OrderRequest.Line> lines = new ArrayList<>();
            for (Map<String, String> row : group) {
                if (blank(row.get("sku"))) {
                    if (total == null) {
                        throw new IllegalArgumentException("total is required");
                    }
                    lines.add(new OrderRequest.Line("ORDER", null, null, 1,
                            total.subtract(orZero(shipping)).add(orZero(discount))));
                } else {
                    lines.add(new OrderRequest.Line(row.get("sku"), emptyToNull(row.get("name")),
                            emptyToNull(row.get("category")), integer(row, "quantity"), decimal(row, "unitPrice")));
                }
            }
            String customerEmail = emptyToNull(f.get("customerEmail"));
            String customerExternalId = emptyToNull(f.get("customerExternalId"));
            CustomerRequest customer = customerEmail == null ? null
                    : new CustomerRequest(customerExternalId, customerEmail, emptyToNull(f.get("customerFirstName")),
                    emptyToNull(f.get("customerLastName")), null, null, false);
            String accrue = emptyToNull(f.get("accrue"));
            return new OrderRequest(emptyToNull(f.get("externalId")),
                    blank(f.get("customerId")) ? null : uuid(f.get("customerId")),
                    customer == null ? customerExternalId : null, customer,
                    timestamp(f.get("placedAt")), emptyToNull(f.get("currency")), lines, discount, shipping, total,
                    accrue != null && Boolean.parseBoolean(accrue));
        }

        private static BigDecimal decimal(Map<String, String> row, String column) {
            String v = row.get(column);
            if (blank(v)) {
                return null;
            }
            try {
                return new BigDecimal(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(column + " must be a decimal number, not '" + v + "'");
            }
        }

        private static Integer integer(Map<String, String> row, String column) {
            String v = row.get(column);
            if (blank(v)) {
                return 1;
            }
            try {
                return Integer.valueOf(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(column + " must be a whole number, not '" + v + "'");
            }
        }

        private static OffsetDateTime timestamp(String v) {
            if (blank(v)) {
                throw new IllegalArgumentException("placedAt is required");
            }
            try {
                return v.length() == 10 ? OffsetDateTime.parse(v + "T00:00:00Z") : OffsetDateTime.parse(v);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("placedAt must be an ISO-8601 timestamp with offset or a date, not '" + v + "'");
            }
        }

        private static UUID uuid(String v) {
            try {
                return UUID.fromString(v);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("customerId must be a UUID, not '" + v + "'");
            }
        }

        private static boolean blank(String v) {
            return v == null || v.isBlank();
        }

        private static String emptyToNull(String v) {
            return blank(v) ? null : v;
        }
    }

    private static OrderRequest withAccrue(OrderRequest o, boolean accrue) {
        return new OrderRequest(o.externalId(), o.customerId(), o.customerExternalId(), o.customer(), o.placedAt(),
                o.currency(), o.lines(), o.discount(), o.shipping(), o.total(), accrue);
    }

    private static BigDecimal subtotal(OrderRequest o) {
        return o.lines().stream().map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static Array numbers(Connection c, List<BigDecimal> values) throws SQLException {
        return c.createArrayOf("text", values.stream().map(BigDecimal::toPlainString).toArray());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private void execute(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("import bookkeeping failed", e);
        }
    }
}
