package io.loyalty.metrics;

import io.loyalty.common.error.Problems;

/** Money in different currencies is never added up: a money figure over several currencies needs `currency`. */
public final class Currencies {
    private Currencies() {
    }

    /**
     * Checks the least and greatest currency among the orders a money figure added up (min(currency) and
     * max(currency) of the same query, so the check costs no second scan); a 400 naming both when they differ.
     */
    public static void requireSingle(String least, String greatest) {
        if (least != null && !least.equals(greatest)) {
            throw Problems.invalidParameter("currency", "is required: the orders counted are in more than one currency ("
                    + least + ", " + greatest + "); money in different currencies is never added up");
        }
    }
}
