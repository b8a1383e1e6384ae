package io.loyalty.partner;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a ledger movement of a coalition programme means for the money between partners and operator. */
@Schema(name = "SettlementKind", description = """
        ISSUE: points earned on a partner's order; the partner owes points x pointValue x issuancePrice. \
        ISSUE_REVERSAL: points a return took back from such an order; the partner owes that much less, at the price \
        and point value of the order's ISSUE lines. REDEMPTION: points redeemed with a partner; the partner is due \
        points x pointValue x reimbursementRate. REDEMPTION_REFUND: points given back when such a redemption is \
        cancelled or expires unused; the partner is due that much less, at the rate of the REDEMPTION line. EXPIRY: \
        points that expired; no partner is involved, the operator's liability falls (breakage). OPERATOR: every \
        other movement (orders of the operator's own channels, events, adjustments, redemptions of the operator's \
        rewards outside any partner); the operator carries it alone.""")
public enum SettlementKind {
    ISSUE, ISSUE_REVERSAL, REDEMPTION, REDEMPTION_REFUND, EXPIRY, OPERATOR
}
