package io.loyalty.metrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** Purchase behaviour over one period (METRICS.md, "Purchase behaviour in a period"). */
@Schema(name = "Purchases", description = "How customers bought in [from, to). Money is in `currency`: sums exact to 4 "
        + "decimals, money per order, buyer or customer rounded half-even to 4 decimals, null when nobody bought.")
public record Purchases(
        @Schema(required = true) MetricsInputs inputs,
        @Schema(nullable = true, required = true, example = "INR",
                description = "The one currency of the orders counted; null when there are none.") String currency,
        @Schema(required = true, example = "5309", description = "Customers with at least one counted order in the period.")
        long buyers,
        @Schema(required = true, example = "8120") long orders,
        @Schema(required = true, example = "4012345.5000", description = "Order totals minus returned amounts.")
        BigDecimal netRevenue,
        @Schema(nullable = true, required = true, example = "1.529478", description = "orders / buyers, 6 decimals.")
        BigDecimal purchaseFrequency,
        @Schema(nullable = true, required = true, example = "494.1312", description = "netRevenue / orders")
        BigDecimal averageOrderValue,
        @Schema(nullable = true, required = true, example = "755.7629", description = "netRevenue / buyers")
        BigDecimal revenuePerBuyer,
        @Schema(nullable = true, required = true, example = "2210.4000", description = "Net revenue of every counted order "
                + "before `to` divided by the customers with at least one (mean value per customer from their first order).")
        BigDecimal historicalCustomerValue,
        @Schema(required = true, description = "Buyers with 2 or more orders in the period / buyers.") Rate repeatPurchaseRate,
        @Schema(required = true, description = "Customers with 2 or more orders before `to` / customers with at least one.")
        Rate lifetimeRepeatPurchaseRate,
        @Schema(required = true, description = "Buyers whose first order is before `from` / buyers.") Rate returningCustomerRate) {

    static Purchases of(Scope scope, PurchaseQuery.Figures f) {
        String currency = scope.currency() != null ? scope.currency() : f.leastCurrency();
        return new Purchases(scope.inputs(), currency, f.buyers(), f.orders(), f.netRevenue(),
                Money.ratio(f.orders(), f.buyers()), Money.per(f.netRevenue(), f.orders()),
                Money.per(f.netRevenue(), f.buyers()), Money.per(f.lifetimeRevenue(), f.customers()),
                Rate.of(f.repeatBuyers(), f.buyers()), Rate.of(f.repeatCustomers(), f.customers()),
                Rate.of(f.returningBuyers(), f.buyers()));
    }
}
