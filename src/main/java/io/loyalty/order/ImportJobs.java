package io.loyalty.order;

import io.agroal.api.AgroalDataSource;
import io.loyalty.common.BusinessMetrics;
import io.loyalty.common.error.Problems;
import io.loyalty.security.Caller;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The import_job rows: their status and counts, their rejections, and the heartbeat that tells a job some
 * instance is still working on from one whose instance stopped. Plain JDBC, like the import itself.
 */
@ApplicationScoped
class ImportJobs {
    private static final Logger LOG = Logger.getLogger(ImportJobs.class);
    static final int ABANDONED_AFTER_MINUTES = 5;
    private final BusinessMetrics metrics;

    private final AgroalDataSource dataSource;
    /** Jobs this instance has queued or is running. */
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();

    ImportJobs(AgroalDataSource dataSource, BusinessMetrics metrics) {
        this.metrics = metrics;
        this.dataSource = dataSource;
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

    /** A new QUEUED job, held by this instance. */
    void create(UUID id, Caller caller, OrderImportService.Format format, String kind) {
        execute("""
                INSERT INTO import_job (id, api_key_id, format, kind, status, created_at, heartbeat_at)
                VALUES (?, ?, ?, ?, 'QUEUED', now(), now())""", id, caller.apiKeyId(), format.name(), kind);
        hold(id);
    }

    void start(UUID id) {
        execute("UPDATE import_job SET status = 'RUNNING', started_at = now(), heartbeat_at = now() WHERE id = ?", id);
    }

    /** Stores the progress in the caller's transaction, so the counts move with the orders they count. */
    void record(Connection c, UUID id, ImportProgress.Snapshot progress) throws SQLException {
        storeRejections(c, id, progress.rejections());
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE import_job SET rows_read = ?, imported = ?, duplicates = ?, rejected = ?, customers_created = ?,
                       heartbeat_at = now() WHERE id = ?""")) {
            setCounts(s, progress);
            s.setObject(6, id);
            s.executeUpdate();
        }
    }

    /** Stores the progress on its own, for imports that write their records in transactions of their own. */
    void record(UUID id, ImportProgress.Snapshot progress) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            record(c, id, progress);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the progress of import " + id, e);
        }
    }

    /** Ends a job as COMPLETED or FAILED; logged, not thrown, if even that fails. */
    void finish(UUID id, ImportProgress.Snapshot progress, String status, String error) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            storeRejections(c, id, progress.rejections());
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE import_job SET rows_read = ?, imported = ?, duplicates = ?, rejected = ?, customers_created = ?,
                           status = ?, error = ?, finished_at = now(), heartbeat_at = now() WHERE id = ?""")) {
                setCounts(s, progress);
                s.setString(6, status);
                s.setString(7, error);
                s.setObject(8, id);
                s.executeUpdate();
            }
            c.commit();
            metrics.importRows(progress.imported(), progress.duplicates(), progress.rejected());
        } catch (SQLException e) {
            LOG.errorf(e, "Could not record the end of import %s", id);
        }
    }

    private static void storeRejections(Connection c, UUID id, List<ImportRecord> rejections) throws SQLException {
        if (rejections.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO import_rejection (job_id, line_no, reason)
                SELECT ?, * FROM unnest(?::bigint[], ?::text[]) ON CONFLICT DO NOTHING""")) {
            s.setObject(1, id);
            s.setArray(2, c.createArrayOf("bigint", rejections.stream().map(ImportRecord::line).toArray()));
            s.setArray(3, c.createArrayOf("text", rejections.stream().map(ImportRecord::problem).toArray()));
            s.executeUpdate();
        }
    }

    private static void setCounts(PreparedStatement s, ImportProgress.Snapshot progress) throws SQLException {
        s.setLong(1, progress.read());
        s.setLong(2, progress.imported());
        s.setLong(3, progress.duplicates());
        s.setLong(4, progress.rejected());
        s.setLong(5, progress.customersCreated());
    }

    ImportJobResponse get(UUID id) {
        try (Connection c = dataSource.getConnection()) {
            // The job before its rejections: a finished job's rejections are all stored by the time it reads finished.
            ImportJobResponse job = job(c, id);
            return job.withRejections(rejections(c, id));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read import " + id, e);
        }
    }

    private static ImportJobResponse job(Connection c, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT format, kind, status, rows_read, imported, duplicates, rejected, customers_created, error,
                       created_at, started_at, finished_at FROM import_job WHERE id = ?""")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw Problems.notFound("Import", id);
                }
                return new ImportJobResponse(id, rs.getString(2), rs.getString(1), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), List.of(), rs.getString(9),
                        instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)));
            }
        }
    }

    private static List<ImportJobResponse.Rejection> rejections(Connection c, UUID id) throws SQLException {
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
        return rejections;
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
