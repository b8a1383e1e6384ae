package io.loyalty.metrics;

import io.loyalty.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Period;

/** Purchase behaviour; plain read-only JDBC on the analytics datasource, hence no {@code @Transactional}. */
@ApplicationScoped
public class PurchaseService {
    static final Period DEFAULT_SPAN = Period.ofMonths(3);

    private final PurchaseQuery query;

    PurchaseService(PurchaseQuery query) {
        this.query = query;
    }

    public Purchases purchases(MetricsParams params, Caller caller) {
        Scope scope = params.toScope(caller, DEFAULT_SPAN);
        PurchaseQuery.Figures figures = query.figures(scope);
        // The lifetime orders include the period's, and historicalCustomerValue adds them all up.
        Currencies.requireSingle(figures.leastCurrency(), figures.greatestCurrency());
        return Purchases.of(scope, figures);
    }
}
