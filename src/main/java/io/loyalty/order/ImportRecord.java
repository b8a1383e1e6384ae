package io.loyalty.order;

/**
 * One order read from an upload with the line it starts on: either the order, or why the upload's text
 * could not become one ({@code order} may then be null), or the order with why it is refused.
 */
record ImportRecord(long line, OrderRequest order, String problem) {

    static ImportRecord of(long line, OrderRequest order) {
        return new ImportRecord(line, order, null);
    }

    static ImportRecord unreadable(long line, String problem) {
        return new ImportRecord(line, null, problem);
    }

    /** The same order, refused for {@code why}. */
    ImportRecord refused(String why) {
        return new ImportRecord(line, order, why);
    }

    boolean isRefused() {
        return problem != null;
    }
}
