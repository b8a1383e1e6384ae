package io.loyalty.order;

import io.loyalty.security.Caller;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/**
 * A bulk import of something other than orders that runs on the order import's job model: the same
 * import_job row, queue, heartbeat, progress endpoint and rejections with line numbers. A package above
 * order implements it and submits uploads through {@link OrderImportService#submit(InputStream,
 * OrderImportService.Format, Caller, RecordImport)}; the job runner calls {@link #run} on its worker.
 */
public interface RecordImport {

    /** What the job imports, stored with it: upper case, like {@code FEEDBACK}. */
    String kind();

    /**
     * Imports the spooled upload record by record, telling each record's outcome to {@code outcomes}; a bad
     * record is rejected and the import goes on. Throw {@link UnreadableUpload} when the file itself stops
     * being readable: the job then fails with that message.
     */
    void run(UUID jobId, InputStream upload, OrderImportService.Format format, Caller caller, Outcomes outcomes)
            throws IOException;

    /** Where a record read from the upload ended up; each call counts one record read. */
    interface Outcomes {
        void imported();

        /** Already imported before (its external id is taken by the same thing): skipped. */
        void duplicate();

        /** Refused, with the line it starts on and why, in the words of whoever sent the file. */
        void rejected(long line, String reason);
    }
}
