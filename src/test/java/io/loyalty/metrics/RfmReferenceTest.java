package io.loyalty.metrics;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The pure Java pieces: the reference binning the SQL is checked against, and the segment table. */
class RfmReferenceTest {

    private static List<BigDecimal> of(int... values) {
        return IntStream.of(values).mapToObj(BigDecimal::valueOf).toList();
    }

    @Test
    void quantilesAreRType7() {
        // R: quantile(1:10, c(.2, .4, .6, .8)) = 2.8 4.6 6.4 8.2 (h = 9k/5 = 1.8, 3.6, 5.4, 7.2 from x[0])
        List<BigDecimal> x = of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertEquals(0, new BigDecimal("2.8").compareTo(RfmReference.quantile(x, 1)));
        assertEquals(0, new BigDecimal("4.6").compareTo(RfmReference.quantile(x, 2)));
        assertEquals(0, new BigDecimal("6.4").compareTo(RfmReference.quantile(x, 3)));
        assertEquals(0, new BigDecimal("8.2").compareTo(RfmReference.quantile(x, 4)));
        // one customer: every quantile is the value
        assertEquals(0, BigDecimal.TEN.compareTo(RfmReference.quantile(of(10), 4)));
    }

    @Test
    void aRepeatedQuantileLeavesItsBinEmpty() {
        // 1,1,1,1,1,2,2,3,5,8: q = 1, 1, 2, 3.4; edges 2, 2, 3, 4.4: bin 2 is [2, 2), empty
        List<Integer> f = List.of(1, 1, 1, 1, 1, 2, 2, 3, 5, 8);
        Map<String, BigDecimal> values = new java.util.HashMap<>();
        for (int i = 0; i < f.size(); i++) {
            values.put("c" + i, BigDecimal.valueOf(f.get(i)));
        }
        Map<String, Integer> bins = RfmReference.bins(values, BigDecimal.ONE);
        assertEquals(1, bins.get("c0"));
        assertEquals(3, bins.get("c5"));
        assertEquals(4, bins.get("c7"));
        assertEquals(5, bins.get("c8"));
        assertEquals(5, bins.get("c9"));
        assertEquals(0, bins.values().stream().filter(b -> b == 2).count());
    }

    @Test
    void theFirstMatchingRuleWinsInBothTables() {
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    assertEquals(RfmReference.segment(r, f, m), RfmSegment.of(r, f, m).label, r + "" + f + m);
                }
            }
        }
        assertEquals("Champions", RfmSegment.of(5, 5, 5).label);
        assertEquals("Loyal Customers", RfmSegment.of(5, 3, 5).label);   // not Champions: F 3
        assertEquals("Potential Loyalist", RfmSegment.of(4, 1, 1).label); // before New Customers, which it shadows
        assertEquals("Others", RfmSegment.of(3, 4, 1).label);
    }

    @Test
    void segmentsParseByNameOrConstant() {
        assertEquals(RfmSegment.CANT_LOSE_THEM, RfmSegment.parse("Can't Lose Them"));
        assertEquals(RfmSegment.CANT_LOSE_THEM, RfmSegment.parse("cant_lose_them"));
        assertEquals(RfmSegment.LOYAL_CUSTOMERS, RfmSegment.parse("loyal customers"));
        assertNull(RfmSegment.parse("Whales"));
    }
}
