package io.loyalty.feedback;

/** OPEN when a complaint or a bottom score arrives, ACKNOWLEDGED once someone took it up, RESOLVED at the end. */
public enum IncidentStatus {
    OPEN, ACKNOWLEDGED, RESOLVED
}
