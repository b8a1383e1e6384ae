package io.loyalty.programme;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A programme's tiers, stored as JSON on the programme. Optional: a programme without them has no tiers, and
 * any programme (points, stamps, paid, coalition) may have them, because mechanics combine.
 */
@RegisterForReflection
@Schema(name = "TierScheme", description = """
        Ordered tiers (Virgin's Red, Silver, Gold). A member holds the highest tier whose `threshold` their \
        qualification reaches: the `basis` (points earned by orders, or eligible spend: lines minus discount) counted \
        in the `window` (ROLLING: the last `months` months; CALENDAR_YEAR: since 1 January), in the programme's \
        timezone. An upgrade happens on the order that crosses a threshold; that order still earns at the old \
        multiplier, the next one at the new. Whether a member keeps a tier is reviewed at the end of the window \
        (CALENDAR_YEAR: 1 January; ROLLING: `months` months after the tier was reached or last kept) under the \
        `downgrade` policy, after `graceDays` more days if the member fell short.""")
public record TierScheme(
        @Schema(required = true, example = "POINTS") Basis basis,
        @Schema(required = true, example = "CALENDAR_YEAR") Window window,
        @Schema(nullable = true, example = "12", minimum = "1", maximum = "36", description = "ROLLING only: the window length.")
        Integer months,
        @Schema(nullable = true, example = "ONE_LEVEL", description = "Default ONE_LEVEL.") Downgrade downgrade,
        @Schema(nullable = true, example = "30", minimum = "0", maximum = "365",
                description = "Days a member who fell short keeps the tier after the review; requalifying meanwhile keeps it. Default 0.")
        Integer graceDays,
        @Schema(required = true, minItems = 1, maxItems = 20, description = "Lowest first; thresholds strictly increasing.")
        List<Tier> levels) {

    public enum Basis { POINTS, SPEND }

    public enum Window { ROLLING, CALENDAR_YEAR }

    @Schema(name = "TierDowngrade", description = """
            At the review of a member below their tier's threshold: NEVER keeps the tier; ONE_LEVEL drops one level; \
            RECALCULATE sets the tier the qualification earns.""")
    public enum Downgrade { NEVER, ONE_LEVEL, RECALCULATE }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _-]{0,49}");
    private static final Pattern BENEFIT = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    private static final BigDecimal MAX_MULTIPLIER = BigDecimal.TEN;
    private static final BigDecimal MAX_THRESHOLD = new BigDecimal("1000000000000");

    @RegisterForReflection
    @Schema(name = "Tier")
    public record Tier(
            @Schema(required = true, example = "Gold", pattern = "[A-Za-z0-9][A-Za-z0-9 _-]{0,49}") String name,
            @Schema(required = true, example = "5000", minimum = "0", maximum = "1000000000000",
                    description = "Qualification needed (points or spend, per `basis`). 0: every member starts here.")
            BigDecimal threshold,
            @Schema(nullable = true, example = "2", minimum = "0", exclusiveMinimum = true, maximum = "10",
                    description = "Multiplies the points of SPEND and MULTIPLIER rules (not stamps, not events). Default 1.")
            BigDecimal multiplier,
            @Schema(nullable = true, maxItems = 20, example = "[\"lounge_access\", \"free_shipping\"]",
                    description = "Named benefits storefronts read and apply, e.g. free_shipping, lounge_access, early_access.")
            List<String> benefits,
            @Schema(nullable = true, example = "false", description = "The tier's multiplier and benefits apply only while "
                    + "the member's paid membership (the programme's `fee`) is current; otherwise those of the highest "
                    + "lower tier that is not paid-only.")
            Boolean paidOnly) {

        public BigDecimal multiplierOrOne() {
            return multiplier == null ? BigDecimal.ONE : multiplier;
        }

        public List<String> benefitsOrNone() {
            return benefits == null ? List.of() : benefits;
        }

        public boolean requiresPayment() {
            return Boolean.TRUE.equals(paidOnly);
        }
    }

    public Downgrade downgradeOrDefault() {
        return downgrade == null ? Downgrade.ONE_LEVEL : downgrade;
    }

    public int graceDaysOrZero() {
        return graceDays == null ? 0 : graceDays;
    }

    /** The index of the tier with this name, or -1. */
    public int indexOf(String name) {
        if (name == null) {
            return -1;
        }
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The highest tier a qualification reaches, or -1 when it reaches none. */
    public int qualifiedIndex(BigDecimal qualification) {
        int reached = -1;
        for (int i = 0; i < levels.size(); i++) {
            if (qualification.compareTo(levels.get(i).threshold()) >= 0) {
                reached = i;
            }
        }
        return reached;
    }

    /** Problems with this scheme, as field messages under {@code tiers.}; empty when it is valid. */
    public List<String[]> problems() {
        List<String[]> p = new ArrayList<>();
        if (basis == null) {
            p.add(new String[]{"tiers.basis", "is required: POINTS or SPEND"});
        }
        if (window == null) {
            p.add(new String[]{"tiers.window", "is required: ROLLING or CALENDAR_YEAR"});
        } else if (window == Window.ROLLING && (months == null || months < 1 || months > 36)) {
            p.add(new String[]{"tiers.months", "is required for a ROLLING window: 1 to 36"});
        } else if (window == Window.CALENDAR_YEAR && months != null) {
            p.add(new String[]{"tiers.months", "must be absent for a CALENDAR_YEAR window"});
        }
        if (graceDays != null && (graceDays < 0 || graceDays > 365)) {
            p.add(new String[]{"tiers.graceDays", "must be 0 to 365"});
        }
        if (levels == null || levels.isEmpty() || levels.size() > 20) {
            p.add(new String[]{"tiers.levels", "must have 1 to 20 tiers"});
            return p;
        }
        Set<String> names = new HashSet<>();
        BigDecimal previous = null;
        for (int i = 0; i < levels.size(); i++) {
            Tier t = levels.get(i);
            String f = "tiers.levels[" + i + "].";
            if (t == null) {
                p.add(new String[]{"tiers.levels[" + i + "]", "must be a tier"});
                continue;
            }
            if (t.name() == null || !NAME.matcher(t.name()).matches()) {
                p.add(new String[]{f + "name", "must be 1-50 letters, digits, spaces, _ or -"});
            } else if (!names.add(t.name())) {
                p.add(new String[]{f + "name", "is used by another tier"});
            }
            if (t.threshold() == null || t.threshold().signum() < 0 || t.threshold().compareTo(MAX_THRESHOLD) > 0) {
                p.add(new String[]{f + "threshold", "is required: 0 to 10^12"});
            } else {
                if (previous != null && t.threshold().compareTo(previous) <= 0) {
                    p.add(new String[]{f + "threshold", "must be above the threshold of the tier before it"});
                }
                previous = t.threshold();
            }
            if (t.multiplier() != null && (t.multiplier().signum() <= 0 || t.multiplier().compareTo(MAX_MULTIPLIER) > 0)) {
                p.add(new String[]{f + "multiplier", "must be over 0 and at most 10"});
            }
            if (t.benefits() != null) {
                if (t.benefits().size() > 20) {
                    p.add(new String[]{f + "benefits", "must have at most 20 benefits"});
                }
                for (String b : t.benefits()) {
                    if (b == null || !BENEFIT.matcher(b).matches()) {
                        p.add(new String[]{f + "benefits", "must be names such as free_shipping (a-z, 0-9, _ . -)"});
                        break;
                    }
                }
            }
        }
        return p;
    }
}
