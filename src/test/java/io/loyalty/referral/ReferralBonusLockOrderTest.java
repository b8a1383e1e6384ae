package io.loyalty.referral;

import io.agroal.api.AgroalDataSource;
import io.loyalty.Fixtures;
import io.loyalty.LockWaits;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.loyalty.TestSupport.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bonus run takes the locks of the memberships it credits in id order, like every other writer of memberships,
 * so it queues behind a transaction that holds some of them instead of deadlocking with it.
 */
@QuarkusTest
public class ReferralBonusLockOrderTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void theRunQueuesBehindATransactionLockingTheSameMembershipsInIdOrder() throws Exception {
        String p = ReferralTest.programmeWithBonus(null, null);
        String referrer = Fixtures.customer();
        String newcomer = ReferralTest.referred(ReferralTest.code(referrer));
        // The newcomer joins first, so their membership has the smaller id (ids are time-ordered).
        asAdmin().body(Map.of("customerId", newcomer)).post("/api/v1/programmes/" + p + "/members").then().statusCode(201);
        asAdmin().body(Map.of("customerId", referrer)).post("/api/v1/programmes/" + p + "/members").then().statusCode(201);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        ReferralTest.orderPlaced(newcomer, now.minusDays(20));

        try (Connection other = dataSource.getConnection()) {
            UUID newcomerMembership = membership(other, p, newcomer);
            UUID referrerMembership = membership(other, p, referrer);
            assertTrue(newcomerMembership.compareTo(referrerMembership) < 0, "the newcomer's membership comes first");
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.execute("SET LOCAL lock_timeout = '10s'");
            }
            // What a batch of orders for both customers does: lock their memberships in id order. The first is taken...
            lock(other, newcomerMembership);
            CompletableFuture<Response> run = CompletableFuture.supplyAsync(() -> ReferralTest.run(now));
            LockWaits.await(dataSource, "select %from membership%for update%", 30, "the bonus run never waited for the membership lock");
            // ...and the second is granted while the run waits: before the fix the run held it (it credited the
            // referrer first) while it waited for the newcomer's, and one of the two was aborted as a deadlock.
            lock(other, referrerMembership);
            other.commit();
            run.get(60, TimeUnit.SECONDS).then().statusCode(200);
        }
        assertEquals(500, ReferralTest.pointsFor(referrer, p, "referral bonus"));
        assertEquals(200, ReferralTest.pointsFor(newcomer, p, "referral welcome bonus"));
    }

    private static UUID membership(Connection c, String programme, String customer) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM membership WHERE programme_id = ? AND customer_id = ?")) {
            s.setObject(1, UUID.fromString(programme));
            s.setObject(2, UUID.fromString(customer));
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                return rs.getObject(1, UUID.class);
            }
        }
    }

    private static void lock(Connection c, UUID membership) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM membership WHERE id = ? FOR UPDATE")) {
            s.setObject(1, membership);
            s.executeQuery().close();
        }
    }
}
