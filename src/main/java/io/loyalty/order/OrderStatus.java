package io.loyalty.order;

/** RETURNED means fully returned: the order is cancelled and everything it earned reversed. */
public enum OrderStatus {
    PLACED, PARTIALLY_RETURNED, RETURNED
}
