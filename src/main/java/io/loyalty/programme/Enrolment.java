package io.loyalty.programme;

/** AUTOMATIC: every customer is a member. OPT_IN: customers are enrolled explicitly. */
public enum Enrolment {
    AUTOMATIC, OPT_IN
}
