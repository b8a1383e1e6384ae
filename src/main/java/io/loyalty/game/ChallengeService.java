package io.loyalty.game;

import io.loyalty.common.Ids;
import io.loyalty.common.Keyset;
import io.loyalty.common.Page;
import io.loyalty.common.PageRequest;
import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problems;
import io.loyalty.programme.Programme;
import io.loyalty.programme.ProgrammeService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** Challenges of a programme: defined by an admin; progress is kept by {@link ChallengeProgress}. */
@ApplicationScoped
@Transactional
public class ChallengeService {

    private final EntityManager em;
    private final GameService games;
    private final ProgrammeService programmes;

    private final GameCatalog catalog;

    ChallengeService(EntityManager em, GameService games, ProgrammeService programmes, GameCatalog catalog) {
        this.em = em;
        this.catalog = catalog;
        this.games = games;
        this.programmes = programmes;
    }

    public ChallengeResponse create(UUID programmeId, ChallengeRequest r) {
        Programme p = games.open(programmeId);
        games.checkPrize(p, r.prize());
        GameService.checkWindow(r.validFrom(), r.validTo());
        if (r.goal() != ChallengeRules.Goal.SPEND && r.target().stripTrailingZeros().scale() > 0) {
            throw Problems.invalidField("target", "body", "must be a whole number for " + r.goal());
        }
        if (r.period() == ChallengeRules.Period.WINDOW && (r.validFrom() == null || r.validTo() == null)) {
            throw Problems.invalidField("validTo", "body", "and validFrom are required for a WINDOW challenge");
        }
        Challenge c = new Challenge();
        c.id = Ids.newId();
        c.programmeId = p.id;
        c.name = r.name().strip();
        c.goal = r.goal();
        c.target = r.target();
        c.period = r.period();
        c.prizeRewardId = r.prize().rewardId();
        c.prizePoints = r.prize().points();
        c.validFrom = r.validFrom();
        c.validTo = r.validTo();
        c.createdAt = Timestamps.now();
        c.persistAndFlush();
        catalog.changed();
        return ChallengeResponse.from(c);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ChallengeResponse get(UUID programmeId, UUID challengeId) {
        programmes.find(programmeId, LockModeType.NONE);
        Challenge c = Challenge.findById(challengeId);
        if (c == null || !c.programmeId.equals(programmeId)) {
            throw Problems.notFound("Challenge", challengeId);
        }
        return ChallengeResponse.from(c);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ChallengeResponse> list(UUID programmeId, PageRequest page) {
        programmes.find(programmeId, LockModeType.NONE);
        return Keyset.where().and("programmeId = :p", "p", programmeId)
                .page(em, Challenge.class, page, c -> c.id, ChallengeResponse::from);
    }
}
