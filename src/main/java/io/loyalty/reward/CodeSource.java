package io.loyalty.reward;

/** GENERATED: the service makes each code. POOL: codes imported from an external system, each handed out once. */
public enum CodeSource {
    GENERATED, POOL
}
