package io.loyalty.programme;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The kinds of programme (see the domain digest). CUMULATIVE covers points and stamp cards; NATURAL
 * has no earning rules and only groups customers for measurement. Tiers and a membership fee are not
 * kinds but optional parts of any programme ({@link TierScheme}, {@link MembershipFee}), because mechanics combine.
 */
@Schema(description = "CUMULATIVE: points and stamp cards. NATURAL: no rewards, measured only.")
public enum ProgrammeKind {
    CUMULATIVE, NATURAL
}
