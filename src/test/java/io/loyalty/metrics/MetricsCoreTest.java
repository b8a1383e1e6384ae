package io.loyalty.metrics;

import io.quarkiverse.resteasy.problem.HttpProblem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsCoreTest {

    @Test
    void rateRoundsHalfEvenToSixDecimalsAndIsNullOverNothing() {
        assertEquals(new BigDecimal("0.421548"), Rate.of(2238, 5309).value()); // 0.42154831...
        assertEquals(new BigDecimal("0.666667"), Rate.of(2, 3).value());
        assertEquals(new BigDecimal("1.000000"), Rate.of(7, 7).value());
        assertNull(Rate.of(0, 0).value());
        assertEquals(0, Rate.of(0, 0).denominator());
    }

    @Test
    void aDateIsMidnightInTheTimezoneAndAnInstantKeepsItsOffset() {
        MetricsParams.Violations v = new MetricsParams.Violations();
        assertEquals(Instant.parse("2025-09-30T18:30:00Z"),
                MetricsParams.instant(v, "from", "2025-10-01", ZoneId.of("Asia/Kolkata")));
        assertEquals(Instant.parse("2025-10-01T04:30:00Z"),
                MetricsParams.instant(v, "from", "2025-10-01T10:00:00+05:30", ZoneId.of("UTC")));
        assertTrue(v.isEmpty());
    }

    @Test
    void badParametersAreCollectedIntoOne400() {
        MetricsParams p = new MetricsParams();
        p.from = "2026-02-01";
        p.to = "2026-01-01";
        p.timezone = "Mars/Olympus";
        p.channel = "no spaces";
        p.currency = "inr";
        p.programmeId = "x";
        HttpProblem problem = assertThrows(HttpProblem.class, () -> p.toScope(null, Period.ofMonths(3)));
        assertEquals(400, problem.getStatusCode());
        String detail = problem.getDetail();
        for (String field : new String[]{"from", "timezone", "channel", "currency", "programmeId"}) {
            assertTrue(detail.contains(field), detail);
        }
    }

    @Test
    void theDefaultPeriodEndsNowAndSpansTheEndpointsDefault() {
        MetricsParams p = new MetricsParams();
        p.to = "2026-01-01";
        Scope scope = p.toScope(null, Period.ofMonths(3));
        assertEquals(Instant.parse("2025-10-01T00:00:00Z"), scope.from());
        assertEquals("UTC", scope.zone().getId());
    }

    @Test
    void periodsMustBePositiveAndBounded() {
        MetricsParams.Violations v = new MetricsParams.Violations();
        assertEquals(Period.ofDays(90), MetricsParams.period(v, "activityWindow", "P90D", null));
        assertNull(MetricsParams.period(v, "activityWindow", "P0D", null));
        assertNull(MetricsParams.period(v, "activityWindow", "P-1D", null));
        assertNull(MetricsParams.period(v, "activityWindow", "PT1H", null));
        assertNull(MetricsParams.period(v, "activityWindow", "P1000Y", null));
        assertEquals(Period.ofMonths(1), MetricsParams.period(v, "interval", null, Period.ofMonths(1)));
    }

    @Test
    void csvQuotesOnlyWhatNeedsIt() {
        assertEquals("Champions", Csv.cell("Champions"));
        assertEquals("\"a,b\"", Csv.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.cell("say \"hi\""));
        assertEquals("0.000001", Csv.cell(new BigDecimal("1E-6")));
        assertEquals("", Csv.cell(null));
    }

    @Test
    void sqlChecksItsPlaceholders() {
        assertThrows(IllegalArgumentException.class, () -> new Sql("SELECT ? , ?", 1));
        Scope scope = new Scope(Instant.EPOCH, Instant.now(), ZoneId.of("UTC"), null, "web", null, null);
        Sql sql = OrderScope.countedOrders(scope, scope.from(), scope.to());
        assertTrue(sql.text().contains("o.channel = ?"), sql.text());
    }
}
