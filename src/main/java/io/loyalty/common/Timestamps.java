package io.loyalty.common;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

public final class Timestamps {
    private Timestamps() {
    }

    /** PostgreSQL keeps microseconds; truncating here makes a created resource read back identically. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
