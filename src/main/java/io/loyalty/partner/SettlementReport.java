package io.loyalty.partner;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "SettlementReport", description = """
        Every coalition programme's settlement for the lines booked in [from, to). Per programme, the partners' nets, \
        the operator's margin and the change in outstanding liability add up to zero: `difference` is \
        partnersNet + margin.total + liabilityChange, each summed from the lines independently, and is always 0.""")
public record SettlementReport(
        @Schema(required = true) Instant from,
        @Schema(required = true) Instant to,
        @Schema(nullable = true, description = "Settlements are closed (frozen) up to this instant.") Instant closedUntil,
        @Schema(required = true) List<Programme> programmes) {

    @Schema(name = "ProgrammeSettlement")
    public record Programme(
            @Schema(required = true) UUID programmeId,
            @Schema(required = true, example = "INR") String currency,
            @Schema(required = true) List<PartnerStatement> partners,
            @Schema(required = true, example = "1500", description = "Points the operator credited itself (its own "
                    + "channels, events, positive adjustments, refunds of its redemptions): OPERATOR lines, positive.")
            long operatorPointsCredited,
            @Schema(required = true, example = "200", description = "Points the operator debited (its rewards, returns of "
                    + "its orders, negative adjustments): OPERATOR lines, as a positive count.") long operatorPointsDebited,
            @Schema(required = true, example = "700", description = "Points expired (EXPIRY), as a positive count.")
            long pointsExpired,
            @Schema(required = true, example = "-25.00", description = "Partners' nets summed: due - owed.") BigDecimal partnersNet,
            @Schema(required = true) Margin margin,
            @Schema(required = true, example = "600.00", description = "Change of the points outstanding, valued at the "
                    + "point value of each line (the customers' claim on the operator).") BigDecimal liabilityChange,
            @Schema(required = true, example = "0") BigDecimal difference) {
    }

    @Schema(name = "SettlementMargin", description = """
            What the operator keeps: on issuance (price above point value), on redemption (reimbursement below point \
            value), from breakage (expired points it no longer owes), less the points it funds itself (OPERATOR).""")
    public record Margin(
            @Schema(required = true, example = "300.00") BigDecimal issuance,
            @Schema(required = true, example = "225.00") BigDecimal redemption,
            @Schema(required = true, example = "175.00") BigDecimal breakage,
            @Schema(required = true, example = "-325.00") BigDecimal operator,
            @Schema(required = true, example = "375.00") BigDecimal total) {
    }
}
