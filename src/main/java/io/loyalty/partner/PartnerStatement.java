package io.loyalty.partner;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Schema(name = "PartnerStatement", description = """
        A partner's settlement for the lines booked in [from, to). Points are counts; money is exact (not rounded), \
        in the programme's currency. `owed`: what the partner owes the operator for points issued on its orders, net \
        of returns. `due`: what the operator owes the partner for points redeemed with it, net of cancellations. \
        `net` = due - owed: positive, the operator pays the partner; negative, the partner pays the operator. \
        GET .../settlements/lines lists the lines, each naming its ledger entry.""")
public record PartnerStatement(
        @Schema(required = true) UUID partnerId,
        @Schema(required = true, example = "Shell fuel stations") String partnerName,
        @Schema(required = true) UUID programmeId,
        @Schema(required = true, example = "INR") String currency,
        @Schema(required = true) Instant from,
        @Schema(required = true) Instant to,
        @Schema(required = true, description = "True when the whole period is closed: the statement will never change.")
        boolean closed,
        @Schema(required = true, example = "12000", description = "Points earned on the partner's orders (ISSUE).") long pointsIssued,
        @Schema(required = true, example = "300", description = "Points returns took back from them (ISSUE_REVERSAL).") long pointsReversed,
        @Schema(required = true, example = "9000", description = "Points redeemed with the partner (REDEMPTION).") long pointsRedeemed,
        @Schema(required = true, example = "500", description = "Points given back from its redemptions (REDEMPTION_REFUND).") long pointsRefunded,
        @Schema(required = true, example = "3300.00") BigDecimal owed,
        @Schema(required = true, example = "1912.50") BigDecimal due,
        @Schema(required = true, example = "-1387.50") BigDecimal net,
        @Schema(required = true, example = "42") long lines) {
}
