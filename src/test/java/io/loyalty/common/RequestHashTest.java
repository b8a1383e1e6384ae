package io.loyalty.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The content hash that tells a retry from a conflicting reuse of an id, without the application. */
class RequestHashTest {
    static final ObjectMapper JSON = new ObjectMapper();

    record Line(String sku, BigDecimal price) {
    }

    record Request(String id, BigDecimal total, List<Line> lines, String note) {
    }

    static byte[] hash(Object request) {
        return RequestHash.of(JSON, request);
    }

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /**
     * Hashes are stored with orders and compared with those of later requests, so the canonical form must not
     * drift: SHA-256 of the members sorted by name, nulls left out, numbers as plain decimals without trailing zeros.
     */
    @Test
    void theHashIsTheSha256OfTheCanonicalJson() {
        Map<String, Object> request = map("tags", List.of("b", "a"),
                "customer", map("id", 7, "email", "a@example.com", "phone", null), "amount", new BigDecimal("10.50"));
        // printf '%s' '{"amount":"10.5","customer":{"email":"a@example.com","id":"7"},"tags":["b","a"]}' | sha256sum
        assertEquals("0edf1becf41ef4fcf6ea03f01dcd0dbff698c46e7dcc262e01130fb75c502329",
                HexFormat.of().formatHex(hash(request)));
    }

    @Test
    void theSameContentHashesTheSame() {
        Request a = new Request("o-1", new BigDecimal("20"), List.of(new Line("CHAI", new BigDecimal("20"))), null);
        Request b = new Request("o-1", new BigDecimal("20"), List.of(new Line("CHAI", new BigDecimal("20"))), null);
        assertArrayEquals(hash(a), hash(b));
        assertEquals(32, hash(a).length);
    }

    @Test
    void memberOrderAbsenceVersusNullAndTrailingZerosDoNotCount() {
        assertArrayEquals(hash(map("a", 1, "b", map("x", "y", "z", 2))), hash(map("b", map("z", 2, "x", "y"), "a", 1)));
        assertArrayEquals(hash(map("a", 1)), hash(map("a", 1, "note", null)));
        assertArrayEquals(hash(map("total", new BigDecimal("20"))), hash(map("total", new BigDecimal("20.00"))));
        assertArrayEquals(hash(map("total", new BigDecimal("20"))), hash(map("total", 20)));
    }

    @Test
    void differentContentHashesDifferently() {
        Request base = new Request("o-1", new BigDecimal("20"), List.of(new Line("CHAI", new BigDecimal("20"))), null);
        List<Request> others = List.of(
                new Request("o-2", new BigDecimal("20"), List.of(new Line("CHAI", new BigDecimal("20"))), null),
                new Request("o-1", new BigDecimal("20.01"), List.of(new Line("CHAI", new BigDecimal("20"))), null),
                new Request("o-1", new BigDecimal("20"), List.of(new Line("CAKE", new BigDecimal("20"))), null),
                new Request("o-1", new BigDecimal("20"), List.of(new Line("CHAI", new BigDecimal("20"))), "gift"),
                new Request("o-1", new BigDecimal("20"), List.of(), null));
        for (Request other : others) {
            assertFalse(java.util.Arrays.equals(hash(base), hash(other)), other.toString());
        }
    }

    @Test
    void theOrderOfAnArrayCounts() {
        assertFalse(java.util.Arrays.equals(hash(map("tags", List.of("a", "b"))), hash(map("tags", List.of("b", "a")))));
    }

    @Provide
    Arbitrary<Map<String, Object>> requests() {
        Arbitrary<Object> values = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(5).map(s -> (Object) s),
                Arbitraries.bigDecimals().between(new BigDecimal("-1000"), new BigDecimal("1000")).ofScale(2).map(d -> (Object) d),
                Arbitraries.strings().alpha().ofMaxLength(2).list().ofMaxSize(3).map(l -> (Object) l));
        return Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(4), values).ofMaxSize(6);
    }

    @Property
    void theOrderInWhichMembersAreWrittenNeverCounts(@ForAll("requests") Map<String, Object> request, @ForAll long seed) {
        List<String> names = new ArrayList<>(request.keySet());
        Collections.shuffle(names, new Random(seed));
        Map<String, Object> reordered = new LinkedHashMap<>();
        names.forEach(name -> reordered.put(name, request.get(name)));
        assertArrayEquals(hash(request), hash(reordered));
    }

    @Property
    void addingTrailingZerosToEveryNumberNeverCounts(@ForAll("requests") Map<String, Object> request) {
        Map<String, Object> padded = new LinkedHashMap<>();
        request.forEach((name, value) -> padded.put(name,
                value instanceof BigDecimal d ? d.setScale(d.scale() + 3) : value));
        assertArrayEquals(hash(request), hash(padded));
    }
}
