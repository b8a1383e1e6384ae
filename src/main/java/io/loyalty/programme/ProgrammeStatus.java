package io.loyalty.programme;

/** DRAFT programmes earn nothing; ACTIVE ones earn; CLOSED ones earn nothing and cannot reopen. */
public enum ProgrammeStatus {
    DRAFT, ACTIVE, CLOSED
}
