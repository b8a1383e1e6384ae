package io.loyalty.reward;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StockSlotsTest {

    @Test
    void aStockIsSpreadEvenlyTheFirstSlotsTakingTheRemainder() {
        assertArrayEquals(new int[]{4, 3, 3, 3, 3, 3, 3, 3}, StockSlots.spread(25, 8));
        assertArrayEquals(new int[]{3, 3, 3, 3, 2, 2, 2, 2}, StockSlots.spread(20, 8));
        assertArrayEquals(new int[]{2, 2, 2, 2}, StockSlots.spread(8, 4));
        assertArrayEquals(new int[]{7}, StockSlots.spread(7, 1));
    }

    @Test
    void aSmallStockLeavesSlotsEmptyButPresent() {
        assertArrayEquals(new int[]{1, 1, 1, 0, 0, 0, 0, 0}, StockSlots.spread(3, 8));
        assertArrayEquals(new int[8], StockSlots.spread(0, 8));
    }

    @Test
    void theSlotsAlwaysSumToTheStockAndDifferByOneAtMost() {
        for (int slots = 1; slots <= 17; slots++) {
            for (int stock : new int[]{0, 1, slots - 1, slots, slots + 1, 999, 1_000_000_000}) {
                int[] spread = StockSlots.spread(stock, slots);
                assertEquals(slots, spread.length);
                assertEquals(stock, Arrays.stream(spread).asLongStream().sum(), stock + " over " + slots);
                int max = Arrays.stream(spread).max().orElseThrow();
                int min = Arrays.stream(spread).min().orElseThrow();
                assertTrue(max - min <= 1, stock + " over " + slots + ": " + Arrays.toString(spread));
            }
        }
    }

    @Test
    void noSlotsOrANegativeStockAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> StockSlots.spread(5, 0));
        assertThrows(IllegalArgumentException.class, () -> StockSlots.spread(-1, 8));
    }

    @Test
    void startsFallOnEverySlotAndNoOther() {
        boolean[] seen = new boolean[8];
        for (int i = 0; i < 10_000; i++) {
            int s = StockSlots.start(8);
            assertTrue(s >= 0 && s < 8, "start " + s);
            seen[s] = true;
        }
        for (boolean b : seen) {
            assertTrue(b);
        }
        assertEquals(0, StockSlots.start(1));
    }
}
