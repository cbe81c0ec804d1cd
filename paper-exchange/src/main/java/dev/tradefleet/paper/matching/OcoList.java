package dev.tradefleet.paper.matching;

/** Two orders of which the first to fill or trigger cancels the other ("one cancels the other"). */
final class OcoList {

    final long id;
    final String clientListId;
    final Order[] legs = new Order[2];

    OcoList(long id, String clientListId) {
        this.id = id;
        this.clientListId = clientListId;
    }
}
