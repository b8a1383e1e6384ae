import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A realistic store for the metrics benchmark, as PostgreSQL COPY text rows on stdout, one table per run:
 *
 *   java Gen.java TABLE customers=1000000 orders=10000000 seed=42 key=UUID p1=UUID p2=UUID [lines]
 *
 * TABLE is customer, orders, order_line, order_return, membership, ledger_entry or "count" (a summary, no rows).
 * Every run simulates the whole store from the seed (each customer has a random stream of its own), so the
 * tables agree with each other and two runs give the same bytes. Customers are simulated as BG/NBD assumes:
 * a purchase rate from a gamma distribution, exponential times between purchases, and after each repeat
 * purchase a dropout with a probability drawn from a beta distribution; spend per order varies around a
 * per-customer mean (as Gamma-Gamma assumes). First purchases spread over the two years, growing slightly.
 * The total is capped at `orders`: once reached, later customers get no more orders.
 *
 * Programme p1 ("Points": 1 point per INR of net total, points expire 12 months after earning, a monthly
 * expiry run on the 1st) has 40 % of customers as members; p2 ("Club": 1 point per INR, no expiry) 15 %.
 * A member joins at their first order or at a later one (joined_at a little before it); 6 % of memberships
 * end. Members earn on every order between joining and leaving, sometimes redeem, lose points to expiry
 * and to returns (REVERSE); balance_after is the running sum. point_lot and ledger_allocation are not
 * written (no metric reads them).
 */
public class Gen {
    static final long DAY = 86_400_000L;
    static final long START = LocalDate.parse("2024-11-01").atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    static final long END = LocalDate.parse("2026-11-01").atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    static final long SPAN = END - START;
    static final int MAX_ORDERS = 1500;
    /** Scale of the purchase-rate distribution, calibrated so that 1,000,000 customers would place a little over 10,000,000. */
    static final double RATE_SCALE = Double.parseDouble(System.getProperty("rateScale", "0.0865"));
    static final String[] CHANNELS = {"web", "app", "store", "marketplace"};
    static final double[] CHANNEL_SHARE = {0.45, 0.30, 0.20, 0.05};
    static final String[] CATEGORIES = {"grocery", "snacks", "drinks", "household", "personal-care", "baby", "frozen", "dairy"};

    // Per-customer simulation state, reused.
    static final long[] placed = new long[MAX_ORDERS];
    static final long[] subtotal = new long[MAX_ORDERS];   // paise
    static final long[] discount = new long[MAX_ORDERS];
    static final long[] shipping = new long[MAX_ORDERS];
    static final long[] total = new long[MAX_ORDERS];
    static final long[] returned = new long[MAX_ORDERS];
    static final long[] returnedAt = new long[MAX_ORDERS];
    static final int[] channel = new int[MAX_ORDERS];
    static final long[] orderSeq = new long[MAX_ORDERS];
    static int n;
    static long createdAt;

    static String table;
    static long customers = 1_000_000, ordersCap = 10_000_000, seed = 42;
    static String key = "00000000-0000-0000-0000-000000000000", p1 = key, p2 = key;
    static long ordersSoFar, ledgerSeq;
    static final StringBuilder sb = new StringBuilder(1 << 17);
    static OutputStream out;
    static final String[] dayText = new String[2000];
    static final long DAY0 = START / DAY - 400;

    public static void main(String[] args) throws IOException {
        table = args[0];
        boolean lines = false;
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            switch (kv[0]) {
                case "customers" -> customers = Long.parseLong(kv[1]);
                case "orders" -> ordersCap = Long.parseLong(kv[1]);
                case "seed" -> seed = Long.parseLong(kv[1]);
                case "key" -> key = kv[1];
                case "p1" -> p1 = kv[1];
                case "p2" -> p2 = kv[1];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        for (int d = 0; d < dayText.length; d++) {
            dayText[d] = LocalDate.ofEpochDay(DAY0 + d) + " ";
        }
        out = new BufferedOutputStream(System.out, 1 << 16);
        long[] stats = new long[8];
        for (long c = 0; c < customers; c++) {
            SplittableRandom rng = new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + c));
            simulate(c, rng);
            stats[0] += n;
            if (n > 0) stats[1]++;
            for (int k = 0; k < n; k++) {
                if (returned[k] == total[k]) stats[2]++; else if (returned[k] > 0) stats[3]++;
            }
            switch (table) {
                case "customer" -> customerRow(c, rng);
                case "orders" -> { for (int k = 0; k < n; k++) orderRow(c, k, rng); }
                case "order_line" -> { for (int k = 0; k < n; k++) lineRow(k, rng); }
                case "order_return" -> { for (int k = 0; k < n; k++) if (returned[k] > 0) returnRow(k); }
                case "membership", "ledger_entry", "count" -> {
                    SplittableRandom mr = new SplittableRandom(mix(seed * 31 + c * 7 + 3));
                    stats[4] += programme(c, 0, mr) ? 1 : 0;
                    stats[5] += programme(c, 1, mr) ? 1 : 0;
                }
                default -> throw new IllegalArgumentException("unknown table " + table);
            }
            if (table.equals("count")) sb.setLength(0);
            if (sb.length() > 1 << 16) flush();
        }
        flush();
        out.flush();
        if (table.equals("count")) {
            System.out.printf("customers %d, buyers %d, orders %d, fully returned %d, partially returned %d,"
                    + " members p1 %d, p2 %d, ledger entries %d%n", customers, stats[1], stats[0], stats[2], stats[3],
                    stats[4], stats[5], ledgerSeq);
        }
    }

    /** One customer's orders (into the arrays above), in time order. */
    static void simulate(long c, SplittableRandom rng) {
        n = 0;
        boolean buyer = rng.nextDouble() < 0.92;
        double rate = gamma(rng, 0.75) * RATE_SCALE;               // purchases per day
        double dropout = beta(rng, 1.0, 15.0);                        // after each repeat purchase
        double meanSpend = 60_000 * Math.exp(0.55 * rng.nextGaussian()); // paise
        int preferred = pick(rng, CHANNEL_SHARE);
        if (!buyer) {
            createdAt = START + (long) (rng.nextDouble() * SPAN);
            return;
        }
        long t = START + (long) (Math.pow(rng.nextDouble(), 0.8) * SPAN);
        createdAt = t - (long) (-Math.log(1 - rng.nextDouble()) * 5 * DAY);
        while (t < END && n < MAX_ORDERS && ordersSoFar < ordersCap) {
            order(rng, t, meanSpend, preferred);
            if (n > 1 && rng.nextDouble() < dropout) break;
            t += (long) (-Math.log(1 - rng.nextDouble()) / rate * DAY);
        }
    }

    static void order(SplittableRandom rng, long t, double meanSpend, int preferred) {
        int k = n++;
        orderSeq[k] = ordersSoFar++;
        placed[k] = t;
        long sub = Math.max(2_000, Math.round(meanSpend * Math.exp(0.6 * rng.nextGaussian()) / 100) * 100);
        if (rng.nextDouble() < 0.3) sub += rng.nextInt(100);   // some prices have paise
        subtotal[k] = sub;
        discount[k] = rng.nextDouble() < 0.15 ? sub / 10 : 0;
        shipping[k] = sub < 49_900 ? 4_900 : 0;
        total[k] = sub - discount[k] + shipping[k];
        channel[k] = rng.nextDouble() < 0.8 ? preferred : pick(rng, CHANNEL_SHARE);
        double r = rng.nextDouble();
        returned[k] = 0;
        returnedAt[k] = t + DAY + (long) (rng.nextDouble() * 20 * DAY);
        if (returnedAt[k] < END) {
            if (r < 0.05) {
                returned[k] = total[k];
            } else if (r < 0.08) {
                returned[k] = Math.max(100, total[k] * (20 + rng.nextInt(60)) / 100);
            }
        }
    }

    static void customerRow(long c, SplittableRandom rng) {
        uuid(createdAt, 1, c); tab();
        sb.append('c').append(c); tab();
        sb.append("customer").append(c).append("@example.com"); tab();
        sb.append("\\N\t\\N\t\\N\t\\N\t").append(rng.nextDouble() < 0.6 ? 't' : 'f'); tab();
        ts(createdAt); tab(); ts(createdAt); nl();
    }

    static void orderRow(long c, int k, SplittableRandom rng) {
        uuid(placed[k], 2, orderSeq[k]); tab();
        sb.append(key); tab();
        sb.append('o').append(orderSeq[k]); tab();
        uuid(createdAt, 1, c); tab();
        ts(placed[k]); tab();
        sb.append("INR"); tab();
        money(subtotal[k]); tab(); money(discount[k]); tab(); money(shipping[k]); tab(); money(total[k]); tab();
        money(returned[k]); tab();
        sb.append(returned[k] == 0 ? "PLACED" : returned[k] == total[k] ? "RETURNED" : "PARTIALLY_RETURNED"); tab();
        sb.append('t'); tab();
        sb.append("\\\\x");
        for (int i = 0; i < 4; i++) hex(rng.nextLong());
        tab();
        sb.append("[]"); tab();
        ts(placed[k]); tab();
        sb.append(CHANNELS[channel[k]]); nl();
    }

    static void lineRow(int k, SplittableRandom rng) {
        uuid(placed[k], 2, orderSeq[k]); tab();
        sb.append("1\tSKU-").append(rng.nextInt(5000)).append("\t\\N\t").append(CATEGORIES[rng.nextInt(CATEGORIES.length)]);
        sb.append("\t1\t"); money(subtotal[k]); tab();
        sb.append(returned[k] == total[k] ? '1' : '0'); nl();
    }

    static void returnRow(int k) {
        uuid(returnedAt[k], 3, orderSeq[k]); tab();
        uuid(placed[k], 2, orderSeq[k]); tab();
        money(returned[k]); tab();
        sb.append("[{\"lineNo\": 1, \"quantity\": 1}]\t\\N\t").append(key); tab();
        ts(returnedAt[k]); tab();
        sb.append("[]"); nl();
    }

    // ---- programmes: membership rows and ledger entries ----

    static final long[] evKey = new long[4 * MAX_ORDERS + 64];
    static final int[] evType = new int[4 * MAX_ORDERS + 64];   // 0 EARN, 1 REVERSE, 2 REDEEM
    static final int[] evOrder = new int[4 * MAX_ORDERS + 64];
    static final long[] earned = new long[MAX_ORDERS];
    static final long[] lotAt = new long[MAX_ORDERS];
    static final long[] lotLeft = new long[MAX_ORDERS];
    static final int[] lotOfOrder = new int[MAX_ORDERS];

    /** Simulates membership of programme p (0 = Points, 1 = Club); writes its rows; whether the customer is a member. */
    static boolean programme(long c, int p, SplittableRandom rng) {
        double u = rng.nextDouble();
        int firstOrder = rng.nextDouble() < 0.55 ? 0 : n == 0 ? 0 : rng.nextInt(n);
        long joinLag = 1_000 + (long) (rng.nextDouble() * 120_000);
        double endU = rng.nextDouble();
        double leaveAt = rng.nextDouble();
        if (u >= (p == 0 ? 0.40 : 0.15)) {
            return false;
        }
        long joined = n == 0 ? Math.min(END - 1, createdAt + (long) (rng.nextDouble() * 30 * DAY)) : placed[firstOrder] - joinLag;
        long ended = endU < 0.06 ? joined + (long) (leaveAt * (END - joined)) : Long.MAX_VALUE;
        String programmeId = p == 0 ? p1 : p2;
        long redeemChunk = p == 0 ? 2_000 : 1_000;
        // events
        int e = 0;
        for (int k = firstOrder; k < n; k++) {
            earned[k] = 0;
            if (placed[k] >= ended) break;
            long pts = (total[k]) / 100;              // 1 point per INR
            if (pts <= 0) continue;
            earned[k] = pts;
            evType[e] = 0; evOrder[e] = k; evKey[e] = (placed[k] << 13) | e; e++;
            if (returned[k] > 0) {
                evType[e] = 1; evOrder[e] = k; evKey[e] = (returnedAt[k] << 13) | e; e++;
            }
            if (rng.nextDouble() < 0.25) {
                long at = placed[k] + 60_000 + (long) (rng.nextDouble() * 3 * DAY);
                if (at < END && at < ended) {
                    evType[e] = 2; evOrder[e] = k; evKey[e] = (at << 13) | e; e++;
                }
            }
        }
        Arrays.sort(evKey, 0, e);
        long balance = 0, debt = 0, sumEarn = 0, sumRedeem = 0, sumReverse = 0, sumExpire = 0;
        int lots = 0, lotHead = 0;
        long nextRun = firstMonthAfter(joined);
        long lastOrder = -1;
        boolean write = table.equals("ledger_entry") || table.equals("count");
        String mid = membershipId(joined, c, p);
        for (int i = 0; i <= e; i++) {
            long t = i < e ? evKey[i] >>> 13 : END;
            // monthly expiry runs before this event (Points only)
            while (p == 0 && nextRun <= t && nextRun < END) {
                long expired = 0;
                while (lotHead < lots && lotAt[lotHead] + 365 * DAY <= nextRun) {
                    expired += lotLeft[lotHead];
                    lotLeft[lotHead] = 0;
                    lotHead++;
                }
                if (expired > 0) {
                    balance -= expired;
                    sumExpire += expired;
                    if (write) entry(mid, "EXPIRE", -expired, balance, null, null, nextRun);
                }
                nextRun = nextMonth(nextRun);
            }
            if (i == e) break;
            int idx = (int) (evKey[i] & 8191);
            int type = evType[idx], k = evOrder[idx];
            switch (type) {
                case 0 -> {
                    long pts = earned[k];
                    long pay = Math.min(debt, pts);
                    debt -= pay;
                    lotAt[lots] = placed[k]; lotLeft[lots] = pts - pay; lotOfOrder[k] = lots; lots++;
                    balance += pts;
                    sumEarn += pts;
                    lastOrder = placed[k];
                    if (write) entry(mid, "EARN", pts, balance, orderUuid(k), null, placed[k]);
                }
                case 1 -> {
                    long pts = earned[k] * returned[k] / total[k];
                    if (pts <= 0) break;
                    long left = pts;
                    int own = lotOfOrder[k];
                    long take = Math.min(left, lotLeft[own]);
                    lotLeft[own] -= take; left -= take;
                    left = drawFifo(left, lotHead, lots);
                    debt += left;
                    balance -= pts;
                    sumReverse += pts;
                    if (write) entry(mid, "REVERSE", -pts, balance, orderUuid(k), returnUuid(k), returnedAt[k]);
                }
                case 2 -> {
                    long t2 = t;
                    if (balance < redeemChunk) break;
                    drawFifo(redeemChunk, lotHead, lots);
                    balance -= redeemChunk;
                    sumRedeem += redeemChunk;
                    if (write) entry(mid, "REDEEM", -redeemChunk, balance, null, null, t2);
                }
                default -> throw new IllegalStateException();
            }
        }
        if (table.equals("membership")) {
            sb.append(mid); tab(); sb.append(programmeId); tab(); uuid(createdAt, 1, c); tab();
            ts(joined); tab();
            if (ended == Long.MAX_VALUE) sb.append("\\N"); else ts(ended);
            tab();
            sb.append(balance).append('\t').append(debt).append('\t').append(sumEarn).append('\t').append(sumRedeem)
                    .append('\t').append(sumReverse).append('\t').append(sumExpire).append("\t0\t");
            if (lastOrder < 0) sb.append("\\N"); else ts(lastOrder);
            nl();
        }
        return true;
    }

    static long drawFifo(long left, int head, int lots) {
        for (int l = head; l < lots && left > 0; l++) {
            long take = Math.min(left, lotLeft[l]);
            lotLeft[l] -= take;
            left -= take;
        }
        return left;
    }

    static String orderUuid(int k) {
        int mark = sb.length();
        uuid(placed[k], 2, orderSeq[k]);
        String s = sb.substring(mark);
        sb.setLength(mark);
        return s;
    }

    static String returnUuid(int k) {
        int mark = sb.length();
        uuid(returnedAt[k], 3, orderSeq[k]);
        String s = sb.substring(mark);
        sb.setLength(mark);
        return s;
    }

    static String membershipId(long joined, long c, int p) {
        int mark = sb.length();
        uuid(joined, 4, c * 2 + p);
        String s = sb.substring(mark);
        sb.setLength(mark);
        return s;
    }

    /** ledger_entry columns: id, membership_id, type, points, balance_after, order_id, return_id, rule_id,
     *  basis_lines, reason, api_key_id, occurred_at, created_at, redemption_id. */
    static void entry(String membership, String type, long points, long balanceAfter, String order, String ret, long at) {
        uuid(at, 5, ledgerSeq++); tab();
        sb.append(membership).append('\t').append(type).append('\t').append(points).append('\t').append(balanceAfter); tab();
        sb.append(order == null ? "\\N" : order); tab();
        sb.append(ret == null ? "\\N" : ret); tab();
        sb.append(type.equals("EARN") ? "spend" : "\\N"); tab();
        sb.append(type.equals("EARN") ? "{1}" : "\\N"); tab();
        sb.append("\\N"); tab();
        sb.append(key); tab();
        ts(at); tab(); ts(at); tab();
        sb.append("\\N"); nl();
    }

    static long firstMonthAfter(long t) {
        LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(t, DAY)).withDayOfMonth(1).plusMonths(1);
        return d.toEpochDay() * DAY;
    }

    static long nextMonth(long t) {
        return LocalDate.ofEpochDay(t / DAY).plusMonths(1).toEpochDay() * DAY;
    }

    // ---- formatting ----

    static void tab() { sb.append('\t'); }

    static void nl() { sb.append('\n'); }

    static void flush() throws IOException {
        int len = sb.length();
        byte[] b = new byte[len];
        for (int i = 0; i < len; i++) b[i] = (byte) sb.charAt(i);
        out.write(b);
        sb.setLength(0);
    }

    static void money(long paise) {
        sb.append(paise / 100).append('.');
        long p = paise % 100;
        if (p < 10) sb.append('0');
        sb.append(p);
    }

    static void ts(long ms) {
        long day = Math.floorDiv(ms, DAY);
        long in = ms - day * DAY;
        sb.append(dayText[(int) (day - DAY0)]);
        two(in / 3_600_000); sb.append(':'); two(in / 60_000 % 60); sb.append(':'); two(in / 1000 % 60);
        sb.append('.');
        long m = in % 1000;
        if (m < 100) sb.append('0');
        if (m < 10) sb.append('0');
        sb.append(m).append("+00");
    }

    static void two(long v) {
        if (v < 10) sb.append('0');
        sb.append(v);
    }

    static final char[] HEX = "0123456789abcdef".toCharArray();

    static void hex(long v) {
        for (int s = 60; s >= 0; s -= 4) sb.append(HEX[(int) (v >>> s) & 15]);
    }

    /** A UUID version 7 for the instant, unique per (tag, seq): a deterministic stand-in for Ids.newId(). */
    static void uuid(long ms, int tag, long seq) {
        long hi = (ms << 16) | 0x7000L | (mix(seq * 8 + tag) & 0xFFFL);
        long lo = 0x8000000000000000L | ((long) tag << 58) | seq;
        for (int s = 60; s >= 0; s -= 4) {
            sb.append(HEX[(int) (hi >>> s) & 15]);
            if (s == 32 || s == 16) sb.append('-');
        }
        sb.append('-');
        for (int s = 60; s >= 0; s -= 4) {
            sb.append(HEX[(int) (lo >>> s) & 15]);
            if (s == 48) sb.append('-');
        }
    }

    // ---- randomness ----

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static int pick(SplittableRandom rng, double[] shares) {
        double u = rng.nextDouble();
        for (int i = 0; i < shares.length - 1; i++) {
            if ((u -= shares[i]) < 0) return i;
        }
        return shares.length - 1;
    }

    /** Marsaglia and Tsang's method; shape below 1 by boosting. Scale 1. */
    static double gamma(SplittableRandom rng, double shape) {
        if (shape < 1) {
            return gamma(rng, shape + 1) * Math.pow(rng.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = rng.nextGaussian(), v = 1 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
        }
    }

    static double beta(SplittableRandom rng, double a, double b) {
        double x = gamma(rng, a);
        return x / (x + gamma(rng, b));
    }
}
