package dev.tradefleet.paper.stream;

import dev.tradefleet.paper.matching.Fill;
import dev.tradefleet.paper.matching.MatchingEngine;
import dev.tradefleet.paper.matching.OrderView;
import dev.tradefleet.paper.venue.MarketChange;
import dev.tradefleet.paper.venue.MarketListener;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the venue's changes into Binance's stream events: trades, the best bid and ask when they moved, depth
 * diffs against what was last sent, the minute's candle, and each listening account's execution reports, list
 * statuses and balances. Runs outside the venue's lock; the venue calls it one change at a time, in order, so
 * the state here (what was last sent) needs no lock of its own.
 */
@Singleton
public class StreamPublisher implements MarketListener {

    private record PublishedDepth(Map<Long, Long> bids, Map<Long, Long> asks) {
        static final PublishedDepth NONE = new PublishedDepth(Map.of(), Map.of());
    }

    private final StreamHub hub;
    private final Map<String, PublishedDepth> publishedDepth = new HashMap<>();
    private final Map<String, MatchingEngine.Depth> publishedTop = new HashMap<>();

    StreamPublisher(StreamHub hub) {
        this.hub = hub;
    }

    private static String stream(String symbol, String kind) {
        return symbol.toLowerCase(Locale.ROOT) + "@" + kind;
    }

    @Override
    public boolean watchesTop(String symbol) {
        return hub.hasSubscribers(stream(symbol, "bookTicker"));
    }

    @Override
    public boolean watchesDepth(String symbol) {
        return hub.hasSubscribers(stream(symbol, "depth"));
    }

    @Override
    public boolean watchesCandles(String symbol) {
        return hub.hasSubscribers(stream(symbol, "kline_1m"));
    }

    @Override
    public boolean watchesAccount(long account) {
        return hub.hasAccountSubscribers(account);
    }

    @Override
    public void changed(MarketChange change) {
        String symbol = change.symbol();
        for (Fill fill : change.fills()) {
            hub.publish(stream(symbol, "trade"), StreamEvents.json(StreamEvents.trade(fill)));
        }
        if (change.top() != null && !change.top().equals(publishedTop.put(symbol, change.top()))) {
            hub.publish(stream(symbol, "bookTicker"), StreamEvents.json(StreamEvents.bookTicker(symbol, change.top(),
                    change.lastUpdateId())));
        }
        if (change.depth() != null) {
            PublishedDepth before = publishedDepth.getOrDefault(symbol, PublishedDepth.NONE);
            Map<String, Object> diff = StreamEvents.depthUpdate(symbol, before.bids(), before.asks(), change.depth(),
                    change.firstUpdateId(), change.lastUpdateId());
            publishedDepth.put(symbol, new PublishedDepth(StreamEvents.levels(change.depth().bids()),
                    StreamEvents.levels(change.depth().asks())));
            if (diff != null) {
                hub.publish(stream(symbol, "depth"), StreamEvents.json(diff));
            }
        }
        if (change.minute() != null) {
            hub.publish(stream(symbol, "kline_1m"), StreamEvents.json(StreamEvents.kline(symbol, change.minute())));
        }
        reportToAccounts(change);
    }

    private void reportToAccounts(MarketChange change) {
        for (OrderView o : change.latestOrders()) {
            if (!change.balances().containsKey(o.account())) {
                continue;
            }
            List<Fill> mine = change.fills().stream()
                    .filter(f -> f.takerOrderId() == o.orderId() || f.makerOrderId() == o.orderId()).toList();
            if (mine.isEmpty()) {
                String type = switch (o.status()) {
                    case CANCELED -> "CANCELED";
                    case EXPIRED -> "EXPIRED";
                    case EXPIRED_IN_MATCH -> "TRADE_PREVENTION";
                    default -> "NEW";
                };
                hub.publishToAccount(o.account(), userEvent(StreamEvents.executionReport(o, null, change.spec(), type)));
            }
            for (Fill fill : mine) {
                hub.publishToAccount(o.account(), userEvent(StreamEvents.executionReport(o, fill, change.spec(), "TRADE")));
            }
        }
        for (MatchingEngine.ListView list : change.lists()) {
            hub.publishToAccount(list.account(), userEvent(StreamEvents.listStatus(list)));
        }
        change.balances().forEach((account, balances) ->
                hub.publishToAccount(account, userEvent(StreamEvents.accountPosition(balances))));
    }

    /** User data events travel inside the WebSocket API's subscription envelope. */
    private static String userEvent(Map<String, Object> event) {
        return StreamEvents.json(Map.of("subscriptionId", 0, "event", event));
    }
}
