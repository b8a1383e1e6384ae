package io.loyalty.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvReadException;

import java.io.CharConversionException;
import java.io.IOException;

/**
 * The upload stops being readable at some line, so the job cannot go on. The message is meant for the
 * person who sent the file: what is wrong and where, never the parser's own message (it names JDK stream
 * classes and Jackson settings).
 */
public final class UnreadableUpload extends IOException {

    public UnreadableUpload(String message) {
        super(message, null);
    }

    /** The parser's failure in the uploader's words. */
    public static UnreadableUpload of(JsonProcessingException e, String format, long parserLine) {
        var location = e.getLocation();
        // Some failures (the stream constraints) carry no location; the parser still knows where it is.
        long line = location != null && location.getLineNr() > 0 ? location.getLineNr() : parserLine;
        String where = line > 0 ? "line " + line + ": " : "";
        return new UnreadableUpload(where + describe(e, format));
    }

    private static String describe(JsonProcessingException e, String format) {
        if (e instanceof StreamConstraintsException) {
            return "a value is longer, or nested deeper, than an upload may have";
        }
        if (e instanceof CsvReadException) {
            return "the row has more values than the header has columns";
        }
        if (e.getCause() instanceof CharConversionException || e instanceof com.fasterxml.jackson.core.io.JsonEOFException) {
            return "the file is not UTF-8 " + format + " text";
        }
        return "the file is not valid " + format;
    }
}
