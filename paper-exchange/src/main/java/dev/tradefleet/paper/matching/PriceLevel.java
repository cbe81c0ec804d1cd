package dev.tradefleet.paper.matching;

/** The resting orders at one price, oldest first (a doubly linked list through the orders). */
final class PriceLevel {

    final long price;
    Order head;
    Order tail;
    long totalQuantity;

    PriceLevel(long price) {
        this.price = price;
    }

    void append(Order order) {
        order.level = this;
        order.prev = tail;
        order.next = null;
        if (tail == null) {
            head = order;
        } else {
            tail.next = order;
        }
        tail = order;
        totalQuantity += order.remaining();
    }

    void remove(Order order) {
        if (order.prev == null) {
            head = order.next;
        } else {
            order.prev.next = order.next;
        }
        if (order.next == null) {
            tail = order.prev;
        } else {
            order.next.prev = order.prev;
        }
        totalQuantity -= order.remaining();
        order.prev = null;
        order.next = null;
        order.level = null;
    }

    boolean isEmpty() {
        return head == null;
    }
}
