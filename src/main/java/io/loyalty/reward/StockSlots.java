package io.loyalty.reward;

/** How a reward's stock is laid out over its slots, and where a redemption starts looking for a unit. */
final class StockSlots {
    /** The most slots a reward's stock may be spread over (loyalty.rewards.stock-slots). */
    static final int MAX = 1000;

    private StockSlots() {
    }

    /**
     * The stock spread over {@code slots} counters as evenly as integers allow: the first {@code stock % slots}
     * hold one unit more. Every slot exists even when empty (a small stock leaves some at 0), so a unit given
     * back always has somewhere to go.
     */
    static int[] spread(int stock, int slots) {
        if (stock < 0 || slots < 1) {
            throw new IllegalArgumentException("stock " + stock + " over " + slots + " slots");
        }
        int[] result = new int[slots];
        for (int s = 0; s < slots; s++) {
            result[s] = stock / slots + (s < stock % slots ? 1 : 0);
        }
        return result;
    }

    /**
     * A slot to start from, uniformly among {@code slots}: parallel redemptions starting at different slots lock
     * different rows, where all starting at slot 0 would queue on it as they did on the single stock column.
     */
    static int start(int slots) {
        return java.util.concurrent.ThreadLocalRandom.current().nextInt(slots);
    }
}
