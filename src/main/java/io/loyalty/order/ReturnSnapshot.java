package io.loyalty.order;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;
import java.util.UUID;

/**
 * What a return took back, as stored with it ({@code order_return.lines} and {@code .stamps}). A stored
 * format, not the API: property names must stay as they are so that returns already stored still read;
 * {@link ReturnResponse} is what clients see.
 */
public final class ReturnSnapshot {
    private ReturnSnapshot() {
    }

    @RegisterForReflection
    public record Line(int lineNo, String sku, int quantity) {
        ReturnResponse.ReturnedLine toResponse() {
            return new ReturnResponse.ReturnedLine(lineNo, sku, quantity);
        }
    }

    /** Stamps taken back off one card, and the card afterwards. */
    @RegisterForReflection
    public record StampReversal(UUID programmeId, String ruleId, long stamps, int onCard, int debt) {
        ReturnResponse.StampReversal toResponse() {
            return new ReturnResponse.StampReversal(programmeId, ruleId, stamps, onCard, debt);
        }
    }

    static List<ReturnResponse.ReturnedLine> lines(List<Line> stored) {
        return stored.stream().map(Line::toResponse).toList();
    }

    static List<ReturnResponse.StampReversal> stamps(List<StampReversal> stored) {
        return stored.stream().map(StampReversal::toResponse).toList();
    }
}
