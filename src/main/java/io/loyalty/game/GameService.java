package io.loyalty.game;

import io.loyalty.common.Ids;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyalty.common.Keyset;
import io.loyalty.common.MergePatch;
import io.loyalty.common.Page;
import io.loyalty.common.PageRequest;
import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problems;
import io.loyalty.programme.Programme;
import io.loyalty.programme.ProgrammeRewards;
import io.loyalty.programme.ProgrammeService;
import io.loyalty.programme.ProgrammeStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

/** Games of a programme: defined by an admin, read by anyone who serves or studies the programme. */
@ApplicationScoped
@Transactional
public class GameService {

    private final EntityManager em;
    private final ProgrammeService programmes;
    private final ProgrammeRewards catalogue;
    private final MergePatch mergePatch;
    private final GameCatalog games;

    GameService(EntityManager em, ProgrammeService programmes, ProgrammeRewards catalogue, MergePatch mergePatch,
                GameCatalog games) {
        this.em = em;
        this.games = games;
        this.mergePatch = mergePatch;
        this.programmes = programmes;
        this.catalogue = catalogue;
    }

    public GameResponse create(UUID programmeId, GameRequest r) {
        Programme p = open(programmeId);
        checkPrize(p, r.prize());
        checkWindow(r.validFrom(), r.validTo());
        Game g = new Game();
        g.id = Ids.newId();
        g.programmeId = p.id;
        g.createdAt = Timestamps.now();
        apply(g, r);
        g.persistAndFlush();
        games.changed();
        return GameResponse.from(g);
    }

    /**
     * JSON Merge Patch: ends a game (`validTo`) or changes its odds, trigger, prize or budgets from now on; draws
     * already made keep the probability they were made with. The row is locked, so no win is counted while the
     * budgets change; a total budget below the wins already counted is refused.
     */
    public GameResponse patch(UUID programmeId, UUID gameId, ObjectNode patch) {
        game(programmeId, gameId);
        Game g = em.find(Game.class, gameId, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(g);
        GameRequest r = mergePatch.apply(toRequest(g), patch, GameRequest.class);
        Programme p = open(programmeId);
        checkPrize(p, r.prize());
        checkWindow(r.validFrom(), r.validTo());
        if (r.totalWinBudget() != null && r.totalWinBudget() < g.wins) {
            throw Problems.conflict("game-budget", "Game " + g.id + " has already counted " + g.wins
                    + " wins; its total budget cannot be lower");
        }
        apply(g, r);
        g.flush();
        games.changed();
        return GameResponse.from(g);
    }

    private static GameRequest toRequest(Game g) {
        return new GameRequest(g.name, g.minAmount, g.category, g.probability, new PrizeRequest(g.prizeRewardId, g.prizePoints),
                g.dailyWinBudget, g.totalWinBudget, g.validFrom, g.validTo);
    }

    private static void apply(Game g, GameRequest r) {
        g.name = r.name().strip();
        g.minAmount = r.minAmount() == null ? BigDecimal.ZERO : r.minAmount();
        g.category = r.category();
        g.probability = r.probability().setScale(6, RoundingMode.UNNECESSARY);
        g.prizeRewardId = r.prize().rewardId();
        g.prizePoints = r.prize().points();
        g.dailyWinBudget = r.dailyWinBudget();
        g.totalWinBudget = r.totalWinBudget();
        g.validFrom = r.validFrom();
        g.validTo = r.validTo();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public GameResponse get(UUID programmeId, UUID gameId) {
        return GameResponse.from(game(programmeId, gameId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<GameResponse> list(UUID programmeId, PageRequest page) {
        programmes.find(programmeId, LockModeType.NONE);
        return Keyset.where().and("programmeId = :p", "p", programmeId)
                .page(em, Game.class, page, g -> g.id, GameResponse::from);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DrawPage draws(UUID programmeId, UUID gameId, DrawOutcome outcome, PageRequest page) {
        Game g = game(programmeId, gameId);
        Page<DrawResponse> items = Keyset.where().and("gameId = :g", "g", g.id).and("outcome = :o", "o", outcome)
                .page(em, GameDraw.class, page, d -> d.id, DrawResponse::from);
        Object[] t = (Object[]) em.createNativeQuery("""
                        SELECT count(*), count(*) FILTER (WHERE outcome = 'WON'), count(*) FILTER (WHERE outcome = 'LOST'),
                               count(*) FILTER (WHERE outcome = 'BUDGET_SPENT'),
                               count(*) FILTER (WHERE outcome = 'PRIZE_UNAVAILABLE'),
                               count(*) FILTER (WHERE revoked_at IS NOT NULL),
                               coalesce(sum(prize_points) FILTER (WHERE outcome = 'WON'), 0)
                        FROM game_draw WHERE game_id = :g""")
                .setParameter("g", g.id).getSingleResult();
        long draws = ((Number) t[0]).longValue();
        long won = ((Number) t[1]).longValue();
        return new DrawPage(items.items(), items.nextCursor(), new DrawPage.Totals(draws, won,
                ((Number) t[2]).longValue(), ((Number) t[3]).longValue(), ((Number) t[4]).longValue(),
                ((Number) t[5]).longValue(),
                draws == 0 ? null : BigDecimal.valueOf(won).divide(BigDecimal.valueOf(draws), 6, RoundingMode.HALF_EVEN),
                g.probability, ((Number) t[6]).longValue()));
    }

    private Game game(UUID programmeId, UUID gameId) {
        programmes.find(programmeId, LockModeType.NONE);
        Game g = Game.findById(gameId);
        if (g == null || !g.programmeId.equals(programmeId)) {
            throw Problems.notFound("Game", gameId);
        }
        return g;
    }

    /** The programme to add a game or challenge to: it must exist (404) and not be closed (409). */
    Programme open(UUID programmeId) {
        Programme p = programmes.find(programmeId, LockModeType.NONE);
        if (p.status == ProgrammeStatus.CLOSED) {
            throw Problems.conflict("programme-closed", "Programme " + p.id + " is closed: it runs no games or challenges");
        }
        return p;
    }

    void checkPrize(Programme p, PrizeRequest prize) {
        if ((prize.rewardId() == null) == (prize.points() == null)) {
            throw Problems.invalidField("prize", "body", "needs exactly one of rewardId and points");
        }
        if (prize.rewardId() != null && !catalogue.inCatalogue(p.id, prize.rewardId())) {
            throw Problems.unprocessable("unknown-reward", "Reward " + prize.rewardId()
                    + " is not in the catalogue of programme " + p.id + "; a prize must be one of its rewards");
        }
    }

    static void checkWindow(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw Problems.invalidField("validTo", "body", "must be after validFrom");
        }
    }
}
