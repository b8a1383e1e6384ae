package io.loyalty.programme;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The kinds of programme (see the domain digest). CUMULATIVE covers points and stamp cards; NATURAL
 * has no earning rules and only groups customers for measurement. Tiered, paid, coalition and
 * gamified programmes arrive with their own issue.
 */
@Schema(description = "CUMULATIVE: points and stamp cards. NATURAL: no rewards, measured only.")
public enum ProgrammeKind {
    CUMULATIVE, NATURAL
}
