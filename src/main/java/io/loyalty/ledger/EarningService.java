package io.loyalty.ledger;

import io.loyalty.common.error.Problems;
import io.loyalty.programme.Accrual;
import io.loyalty.programme.EarningRule;
import io.loyalty.programme.Membership;
import io.loyalty.programme.MembershipService;
import io.loyalty.programme.MembershipService.Account;
import io.loyalty.programme.Programme;
import io.loyalty.programme.RuleState;
import io.loyalty.tier.Standing;
import io.loyalty.tier.TierService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The one place orders and events earn: reads the cap counters of the customer's earning accounts, asks
 * {@link Accrual} what each rule gives, adds stamps, credits the points as one batch and, last, counts what
 * the caps must remember (after, so that the awards of one call all see the counters as they were).
 * Runs in the caller's transaction, under the membership locks {@link MembershipService#earningAccounts} takes.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class EarningService {

    private final MembershipService memberships;
    private final RuleState ruleState;
    private final Ledger ledger;
    private final CoalitionPartners partners;
    private final TierService tiers;

    EarningService(MembershipService memberships, RuleState ruleState, Ledger ledger, CoalitionPartners partners,
                   TierService tiers) {
        this.memberships = memberships;
        this.tiers = tiers;
        this.ruleState = ruleState;
        this.ledger = ledger;
        this.partners = partners;
    }

    /** Issues the catalogue reward a completed stamp card earns, from a package that may (reward). */
    @FunctionalInterface
    public interface CardReward {
        /** @return the id of the redemption issued */
        UUID issue(Membership membership, EarningRule rule);
    }

    /**
     * What one rule gave. For a STAMP rule {@code amount} counts stamps, {@code card} is the card afterwards and
     * {@code redemptionIds} the rewards its completed cards issued; {@code balance} is the points balance right
     * after this rule's points.
     */
    public record RuleEarning(EarningRule rule, long amount, boolean capped, Integer[] basisLines,
                              RuleState.StampResult card, List<UUID> redemptionIds, long balance) {
    }

    /**
     * What one programme gave: points (not stamps) and the balance after all of it; for orders in a programme with
     * tiers or a fee, the earn multiplier applied and the tier held afterwards.
     */
    public record ProgrammeEarning(Programme programme, Membership membership, List<RuleEarning> rules, long points,
                                   long balance, BigDecimal multiplier, String tier) {
        ProgrammeEarning withStanding(BigDecimal multiplier, String tier) {
            return new ProgrammeEarning(programme, membership, rules, points, balance, multiplier, tier);
        }
    }

    /** Every earning rule of every programme the customer earns in, applied to an order. */
    public List<ProgrammeEarning> forOrder(UUID customerId, UUID orderId, String currency, Accrual.OrderFacts facts,
                                           UUID apiKeyId, CardReward cardReward) {
        return forOrder(customerId, orderId, currency, facts, apiKeyId, null, cardReward);
    }

    /**
     * An order placed with a coalition partner ({@code partnerId} not null) earns only in the partner's programme
     * (the partner pays for those points, and has nothing to do with the customer's other programmes), at the
     * partner's own earn rate when it has one; its entries carry the partner, which settles them.
     */
    public List<ProgrammeEarning> forOrder(UUID customerId, UUID orderId, String currency, Accrual.OrderFacts facts,
                                           UUID apiKeyId, UUID partnerId, CardReward cardReward) {
        Instant at = facts.placedAt();
        CoalitionPartners.Terms terms = partnerId == null ? null : partners.terms(partnerId)
                .orElseThrow(() -> new IllegalStateException("partner " + partnerId + " of an API key does not exist"));
        List<Account> accounts = memberships.earningAccounts(customerId, at).stream()
                .filter(a -> !a.programme().rules.isEmpty())
                .filter(a -> terms == null || a.programme().id.equals(terms.programmeId()))
                .toList();
        for (Account a : accounts) {
            Programme p = a.programme();
            if (!p.currency.equals(currency)) {
                throw Problems.unprocessable("currency-mismatch", "The order is in " + currency + " but programme '"
                        + p.name + "' (" + p.id + ") earns in " + p.currency + "; convert the order before posting it");
            }
        }
        if (accounts.isEmpty()) {
            return List.of();
        }
        // Cap counters are read only when some rule has a cap.
        Set<String> periods = new HashSet<>();
        for (Account a : accounts) {
            if (a.programme().rules.stream().anyMatch(EarningService::hasCap)) {
                LocalDate day = at.atZone(a.programme().zone()).toLocalDate();
                periods.add(Accrual.dayKey(day));
                periods.add(Accrual.monthKey(day));
            }
        }
        // The membership's multiplier (tier, paid membership) is a fact for the pure rule evaluation.
        Map<UUID, BigDecimal> multipliers = new HashMap<>();
        for (Account a : accounts) {
            if (TierService.applies(a.programme())) {
                Standing standing = tiers.standing(a.programme(), a.membership().id, at);
                multipliers.put(a.programme().id, standing.multiplier());
            }
        }
        Ledger.Source source = Ledger.Source.of(apiKeyId, at).order(orderId).partner(partnerId);
        List<ProgrammeEarning> earned = earn(accounts, new Occasion(at, periods,
                (p, usage) -> Accrual.forOrder(terms == null || terms.earnRate() == null ? p
                        : PartnerRate.of(p, terms.earnRate()), facts, usage,
                        multipliers.getOrDefault(p.id, BigDecimal.ONE)),
                (m, rule, day, amount) -> {
                    if (hasCap(rule)) {
                        ruleState.addUsage(m.id, rule.id(), Accrual.dayKey(day), amount);
                        ruleState.addUsage(m.id, rule.id(), Accrual.monthKey(day), amount);
                    }
                },
                (a, award) -> new Ledger.Credit(a.membership(), EntryType.EARN, award.amount(),
                        at.plus(Duration.ofDays(a.programme().pendingDays)),
                        a.programme().expiry.expiresAt(at, a.programme().zone()),
                        source.rule(award.rule().id(), award.basisLines())),
                orderId, cardReward));
        // Qualification counts after earning: the order that crosses a threshold earned at the old multiplier.
        List<ProgrammeEarning> result = new ArrayList<>(earned.size());
        for (ProgrammeEarning e : earned) {
            BigDecimal multiplier = multipliers.get(e.programme().id);
            result.add(multiplier == null ? e : e.withStanding(multiplier, tiers.orderEarned(e.programme(),
                    e.membership(), orderId, at, e.points(), facts.eligibleSpend(), apiKeyId)));
        }
        for (Account a : accounts) {
            Membership m = a.membership();
            if (m.lastOrderAt == null || m.lastOrderAt.isBefore(at)) {
                m.lastOrderAt = at;
            }
        }
        return result;
    }

    /** The EVENT rules matching a named event, in every programme the customer earns in. */
    public List<ProgrammeEarning> forEvent(UUID customerId, String name, Instant at, UUID apiKeyId) {
        List<Account> accounts = memberships.earningAccounts(customerId, at).stream()
                .filter(a -> a.programme().rules.stream()
                        .anyMatch(r -> r.type() == EarningRule.Type.EVENT && name.equals(r.event())))
                .toList();
        Set<String> periods = new HashSet<>(Set.of("EVER"));
        for (Account a : accounts) {
            LocalDate day = at.atZone(a.programme().zone()).toLocalDate();
            periods.add(Accrual.dayKey(day));
            periods.add(Accrual.monthKey(day));
        }
        Ledger.Source source = Ledger.Source.of(apiKeyId, at).because("event " + name);
        return earn(accounts, new Occasion(at, periods,
                (p, usage) -> Accrual.forEvent(p, name, at, usage),
                (m, rule, day, amount) -> {
                    ruleState.addUsage(m.id, rule.id(), "EVER", 1);
                    ruleState.addUsage(m.id, rule.id(), Accrual.dayKey(day), amount);
                    ruleState.addUsage(m.id, rule.id(), Accrual.monthKey(day), amount);
                },
                (a, award) -> new Ledger.Credit(a.membership(), EntryType.EARN, award.amount(), at,
                        a.programme().expiry.expiresAt(at, a.programme().zone()), source.rule(award.rule().id(), null)),
                null, null));
    }

    /** What the two kinds of earning differ in. */
    private record Occasion(Instant at, Set<String> periods,
                            BiFunction<Programme, Map<String, Long>, List<Accrual.Award>> awards,
                            Counter count, BiFunction<Account, Accrual.Award, Ledger.Credit> credit,
                            UUID orderId, CardReward cardReward) {
    }

    /** Counts a positive award against the rule's counters. */
    @FunctionalInterface
    private interface Counter {
        void count(Membership m, EarningRule rule, LocalDate day, long amount);
    }

    private List<ProgrammeEarning> earn(List<Account> accounts, Occasion occasion) {
        Map<UUID, Map<String, Long>> usage = ruleState.usage(
                accounts.stream().map(a -> a.membership().id).toList(), occasion.periods());
        List<List<RuleEarning>> perAccount = new ArrayList<>();
        List<Runnable> stateWrites = new ArrayList<>();
        List<Ledger.Credit> credits = new ArrayList<>();
        for (Account a : accounts) {
            Membership m = a.membership();
            LocalDate day = occasion.at().atZone(a.programme().zone()).toLocalDate();
            List<RuleEarning> earned = new ArrayList<>();
            for (Accrual.Award award : occasion.awards().apply(a.programme(), usage.getOrDefault(m.id, Map.of()))) {
                EarningRule rule = award.rule();
                if (award.amount() > 0) {
                    stateWrites.add(() -> occasion.count().count(m, rule, day, award.amount()));
                }
                if (rule.type() == EarningRule.Type.STAMP) {
                    RuleState.StampResult card = ruleState.addStamps(m.id, rule.id(), award.amount(), rule.stampsRequired());
                    List<UUID> issued = new ArrayList<>();
                    for (int c = 0; c < card.cardsCompleted(); c++) {
                        if (rule.rewardId() != null) {
                            issued.add(occasion.cardReward().issue(m, rule));
                        } else {
                            stateWrites.add(() -> ruleState.addEntitlement(m.id, rule, occasion.orderId()));
                        }
                    }
                    earned.add(new RuleEarning(rule, award.amount(), award.capped(), award.basisLines(), card, issued, 0));
                } else {
                    if (award.amount() > 0) {
                        credits.add(occasion.credit().apply(a, award));
                    }
                    earned.add(new RuleEarning(rule, award.amount(), award.capped(), award.basisLines(), null,
                            List.of(), 0));
                }
            }
            perAccount.add(earned);
        }
        ledger.credit(credits);
        stateWrites.forEach(Runnable::run);
        return withBalances(accounts, perAccount);
    }

    /**
     * Each rule's balance as if its points were credited on their own: only entries move a balance, so it is
     * the balance before the call plus the points credited up to that rule.
     */
    private static List<ProgrammeEarning> withBalances(List<Account> accounts, List<List<RuleEarning>> perAccount) {
        List<ProgrammeEarning> result = new ArrayList<>(accounts.size());
        for (int i = 0; i < accounts.size(); i++) {
            Account a = accounts.get(i);
            List<RuleEarning> rules = perAccount.get(i);
            long points = rules.stream().filter(r -> r.card() == null).mapToLong(RuleEarning::amount).sum();
            long running = a.membership().balance - points;
            List<RuleEarning> withBalance = new ArrayList<>(rules.size());
            for (RuleEarning r : rules) {
                running += r.card() == null ? r.amount() : 0;
                withBalance.add(new RuleEarning(r.rule(), r.amount(), r.capped(), r.basisLines(), r.card(),
                        r.redemptionIds(), running));
            }
            result.add(new ProgrammeEarning(a.programme(), a.membership(), withBalance, points, a.membership().balance,
                    null, null));
        }
        return result;
    }

    private static boolean hasCap(EarningRule rule) {
        return rule.capPerDay() != null || rule.capPerMonth() != null;
    }
}
