package io.loyalty.order;

import java.util.ArrayList;
import java.util.List;

/**
 * The counts of one running import, shared by the thread that reads the upload and the one that writes
 * orders, and the rejections not yet stored. At most {@value #MAX_STORED_REJECTIONS} rejections are ever
 * kept per job, so a wholly wrong upload cannot fill the memory.
 */
final class ImportProgress {
    static final int MAX_STORED_REJECTIONS = 1000;

    private long read;
    private long imported;
    private long duplicates;
    private long rejected;
    private long customersCreated;
    private final List<ImportRecord> unstored = new ArrayList<>();
    private int kept;

    /** What a job row records: the counts so far and the rejections since the last snapshot. */
    record Snapshot(long read, long imported, long duplicates, long rejected, long customersCreated,
                    List<ImportRecord> rejections) {
    }

    /** Counts a record read from the upload, and rejects it when it is refused; true if it is to be written. */
    synchronized boolean read(ImportRecord r) {
        read++;
        if (r.isRefused()) {
            reject(r);
            return false;
        }
        return true;
    }

    synchronized long readSoFar() {
        return read;
    }

    synchronized void imported(long count) {
        imported += count;
    }

    synchronized void duplicate() {
        duplicates++;
    }

    synchronized void customersCreated(long count) {
        customersCreated += count;
    }

    synchronized void reject(ImportRecord r) {
        rejected++;
        if (kept < MAX_STORED_REJECTIONS) {
            unstored.add(r);
            kept++;
        }
    }

    /** The counts, and the rejections not yet stored, which the caller is now to store. */
    synchronized Snapshot drain() {
        List<ImportRecord> rejections = List.copyOf(unstored);
        unstored.clear();
        return new Snapshot(read, imported, duplicates, rejected, customersCreated, rejections);
    }
}
