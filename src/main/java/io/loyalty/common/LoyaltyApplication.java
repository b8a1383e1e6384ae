package io.loyalty.common;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@OpenAPIDefinition(
        info = @Info(
                title = "Loyalty Platform API",
                version = "1.0.0",
                description = """
                        Headless loyalty and retention engine. Storefronts register customers and post \
                        orders at checkout; customers earn points and stamps, redeem rewards and give \
                        feedback; coalition partners settle points between them; analysts read retention \
                        metrics.

                        Every `/api/v1` call needs an API key in the `X-API-Key` header (use **Authorize**). \
                        Errors are RFC 9457 `application/problem+json`. Lists are cursor-paginated: \
                        `?limit=` (1-500, default 50) and `?after=<nextCursor>`."""),
        // A relative URL: the API is wherever this document was fetched from, whatever port or host runs it.
        servers = @Server(url = "/", description = "The instance serving this document"),
        security = @SecurityRequirement(name = LoyaltyApplication.API_KEY_SCHEME),
        tags = {
                @Tag(name = "Customers", description = "The people who buy from the business."),
                @Tag(name = "Programmes", description = "Loyalty programmes, their earning rules and their members."),
                @Tag(name = "Orders", description = "Orders that earn, their returns, and bulk import of order history."),
                @Tag(name = "Points", description = "Balances, the points ledger, adjustments, events and expiry."),
                @Tag(name = "Rewards", description = "The reward catalogue, what a customer can redeem, and grants."),
                @Tag(name = "Redemptions", description = "Rewards redeemed for points: codes, use at checkout, cancellation, expiry."),
                @Tag(name = "API keys", description = "Clients of this API and their roles (ADMIN only)."),
                @Tag(name = "Tiers and paid membership", description = "Tiers, their reviews and pins; membership fees, "
                        + "payments, refunds and cancellations."),
                @Tag(name = "Coalition partners", description = "Partners of a coalition programme, their statements, "
                        + "the operator's settlement report and period closings."),
                @Tag(name = "Feedback", description = "Reviews, surveys and complaints; incidents and their compensation."),
                @Tag(name = "Referrals", description = "Referral codes, referred customers and the referral bonus."),
                @Tag(name = "Games and challenges", description = "Instant-win games played by orders, their draws, "
                        + "and challenges paying a bonus once completed."),
                @Tag(name = "Metrics", description = "Retention, purchases, cohorts, RFM, programme and feedback metrics, "
                        + "computed on request (read-only).")
        })
@SecurityScheme(
        securitySchemeName = LoyaltyApplication.API_KEY_SCHEME,
        type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER,
        apiKeyName = "X-API-Key",
        description = "API key issued by POST /api/v1/api-keys. In dev mode: `dev-admin-key-change-me`.")
public class LoyaltyApplication extends Application {
    public static final String API_KEY_SCHEME = "ApiKey";
}
