package io.loyalty.partner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyalty.common.Ids;
import io.loyalty.common.Keyset;
import io.loyalty.common.MergePatch;
import io.loyalty.common.Page;
import io.loyalty.common.PageRequest;
import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problems;
import io.loyalty.ledger.CoalitionPartners;
import io.loyalty.programme.Programme;
import io.loyalty.programme.ProgrammeKind;
import io.loyalty.programme.ProgrammeService;
import io.loyalty.programme.ProgrammeStatus;
import io.loyalty.security.Caller;
import io.loyalty.security.PartnerDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Coalition partners. Also answers, for the packages below, whether a partner exists (API keys) and on which
 * terms it earns (orders, rewards, redemptions).
 */
@ApplicationScoped
@Transactional
public class PartnerService implements PartnerDirectory, CoalitionPartners {
    private final EntityManager em;
    private final MergePatch mergePatch;
    private final ProgrammeService programmes;

    PartnerService(EntityManager em, MergePatch mergePatch, ProgrammeService programmes) {
        this.em = em;
        this.mergePatch = mergePatch;
        this.programmes = programmes;
    }

    public PartnerResponse create(PartnerRequest request) {
        checkProgramme(request.programmeId());
        Partner p = new Partner();
        p.id = Ids.newId();
        p.createdAt = Timestamps.now();
        apply(p, request);
        p.persistAndFlush();
        return PartnerResponse.from(p);
    }

    /** A PARTNER key reads only its own partner; another is not found. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PartnerResponse get(UUID id, Caller caller) {
        return PartnerResponse.from(find(id, caller, LockModeType.NONE));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PartnerResponse> list(UUID programmeId, PageRequest page) {
        return Keyset.where().and("programmeId = :programme", "programme", programmeId)
                .page(em, Partner.class, page, p -> p.id, PartnerResponse::from);
    }

    /** JSON Merge Patch; the programme of a partner cannot change (its settlement history is in it). */
    public PartnerResponse patch(UUID id, ObjectNode patch) {
        Partner p = find(id, null, LockModeType.PESSIMISTIC_WRITE);
        PartnerRequest merged = mergePatch.apply(toRequest(p), patch, PartnerRequest.class);
        if (!Objects.equals(p.programmeId, merged.programmeId())) {
            throw Problems.conflict("partner-programme", "The programme of a partner cannot change; create a new partner");
        }
        apply(p, merged);
        p.flush();
        return PartnerResponse.from(p);
    }

    /** The partner, for a caller allowed to see it. */
    Partner find(UUID id, Caller caller, LockModeType lock) {
        Partner p = em.find(Partner.class, id, lock);
        if (p == null || (caller != null && !caller.sees(p.id))) {
            throw Problems.notFound("Partner", id);
        }
        return p;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(UUID partnerId) {
        return em.find(Partner.class, partnerId) != null;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Terms> terms(UUID partnerId) {
        return Optional.ofNullable(em.find(Partner.class, partnerId))
                .map(p -> new Terms(p.id, p.programmeId, p.earnRate));
    }

    private void checkProgramme(UUID programmeId) {
        Programme programme = Programme.findById(programmeId);
        if (programme == null) {
            throw Problems.unprocessable("unknown-programme", "Programme " + programmeId + " does not exist");
        }
        if (programme.kind == ProgrammeKind.NATURAL) {
            throw Problems.invalidField("programmeId", "body", "is a NATURAL programme, which has no points to share");
        }
        if (programme.status == ProgrammeStatus.CLOSED) {
            throw Problems.conflict("programme-closed", "Programme " + programmeId + " is closed: it takes no partners");
        }
    }

    private static void apply(Partner p, PartnerRequest r) {
        if (r.externalId() != null && Partner.count("externalId = ?1 and id <> ?2", r.externalId(), p.id) > 0) {
            throw Problems.conflict("duplicate-external-id", "A partner with externalId '" + r.externalId()
                    + "' already exists");
        }
        p.programmeId = r.programmeId();
        p.name = r.name().strip();
        p.externalId = r.externalId();
        p.earnRate = r.earnRate();
        p.issuancePrice = r.issuancePrice();
        p.reimbursementRate = r.reimbursementRate();
        p.updatedAt = Timestamps.now();
    }

    private static PartnerRequest toRequest(Partner p) {
        return new PartnerRequest(p.programmeId, p.name, p.externalId, p.earnRate, p.issuancePrice, p.reimbursementRate);
    }
}
