package io.loyalty;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Records what the application logs while a test runs, with the MDC as it was when each line was logged.
 * The application runs in the test's JVM, so a handler on the root logger sees every line.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    public record Line(String logger, String level, String message, String requestId, Throwable thrown) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        LogContext.getLogContext().getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        ExtLogRecord ext = record instanceof ExtLogRecord e ? e : ExtLogRecord.wrap(record);
        lines.add(new Line(record.getLoggerName(), record.getLevel().getName(), ext.getFormattedMessage(),
                ext.getMdc("requestId"), record.getThrown()));
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        LogContext.getLogContext().getLogger("").removeHandler(this);
    }
}
