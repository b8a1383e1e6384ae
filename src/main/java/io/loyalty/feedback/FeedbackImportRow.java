package io.loyalty.feedback;

/**
 * One feedback read from an upload, with the line it is on: the request (whose customerId and orderId may
 * still be unresolved) and the other ways a row may name its customer and order; or why its text could not
 * become feedback.
 */
record FeedbackImportRow(long line, FeedbackRequest request, String customerExternalId, String customerEmail,
                         String orderExternalId, String problem) {

    static FeedbackImportRow unreadable(long line, String problem) {
        return new FeedbackImportRow(line, null, null, null, null, problem);
    }

    boolean isUnreadable() {
        return problem != null;
    }
}
