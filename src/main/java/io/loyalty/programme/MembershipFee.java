package io.loyalty.programme;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The fee of a paid programme (Amazon Prime), stored as JSON on the programme. Optional, like tiers. */
@RegisterForReflection
@Schema(name = "MembershipFee", description = """
        A paid membership: each payment of `amount` `currency` buys one `period` (ISO-8601, e.g. P1Y), starting \
        when the paid period before it ends (or at payment, after a lapse). While paid, the member gets `benefits` \
        and `multiplier` (on top of their tier's), and the tiers marked `paidOnly`. Lapsed members keep their \
        points and tier but lose these.""")
public record MembershipFee(
        @Schema(required = true, example = "999.00", minimum = "0", exclusiveMinimum = true) BigDecimal amount,
        @Schema(required = true, example = "INR", pattern = "[A-Z]{3}") String currency,
        @Schema(required = true, example = "P1Y", description = "ISO-8601 period, from 1 day to 10 years.") String period,
        @Schema(nullable = true, example = "1.5", minimum = "0", exclusiveMinimum = true, maximum = "10",
                description = "Multiplies the points of SPEND and MULTIPLIER rules while paid. Default 1.")
        BigDecimal multiplier,
        @Schema(nullable = true, maxItems = 20, example = "[\"free_shipping\", \"early_access\"]") List<String> benefits) {

    private static final Pattern BENEFIT = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public BigDecimal multiplierOrOne() {
        return multiplier == null ? BigDecimal.ONE : multiplier;
    }

    public List<String> benefitsOrNone() {
        return benefits == null ? List.of() : benefits;
    }

    /** The end of one paid period starting at {@code from}, in the programme's zone (P1M from 31 January ends 28/29 February). */
    public Instant periodEnd(Instant from, ZoneId zone) {
        return from.atZone(zone).plus(Period.parse(period)).toInstant();
    }

    public List<String[]> problems() {
        List<String[]> p = new ArrayList<>();
        if (amount == null || amount.signum() <= 0 || amount.scale() > 4 || amount.precision() - amount.scale() > 13) {
            p.add(new String[]{"fee.amount", "is required: over 0, at most 13 digits and 4 decimals"});
        }
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            p.add(new String[]{"fee.currency", "is required: an ISO-4217 code such as INR"});
        }
        try {
            Period d = Period.parse(period == null ? "" : period);
            if (d.isNegative() || d.isZero() || d.toTotalMonths() > 120 || d.getDays() > 3660) {
                p.add(new String[]{"fee.period", "must be a positive period of at most 10 years"});
            }
        } catch (RuntimeException e) {
            p.add(new String[]{"fee.period", "must be an ISO-8601 period such as P1Y or P1M"});
        }
        if (multiplier != null && (multiplier.signum() <= 0 || multiplier.compareTo(BigDecimal.TEN) > 0)) {
            p.add(new String[]{"fee.multiplier", "must be over 0 and at most 10"});
        }
        if (benefits != null) {
            if (benefits.size() > 20) {
                p.add(new String[]{"fee.benefits", "must have at most 20 benefits"});
            }
            if (benefits.stream().anyMatch(b -> b == null || !BENEFIT.matcher(b).matches())) {
                p.add(new String[]{"fee.benefits", "must be names such as free_shipping (a-z, 0-9, _ . -)"});
            }
        }
        return p;
    }
}
