package dev.tradefleet.connector.venue.binancelike;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradefleet.connector.venue.MarketData;
import dev.tradefleet.connector.venue.MarketStream;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Binance's market streams on one combined connection ({@code /stream}): {@code <symbol>@bookTicker} for the book
 * top and {@code <symbol>@trade} for the last price, subscribed and unsubscribed while connected (one SUBSCRIBE and
 * one UNSUBSCRIBE per change at most, within Binance's 5 messages a second). Neither stream says anything until its
 * market moves, so once the venue acknowledges a subscription each symbol is read once over REST; a price streamed
 * after that read began is newer than the read and wins. A lost connection forgets every price until it is open
 * again ({@link StreamSocket}); meanwhile nothing is claimed, and the caller asks over REST. With no symbol to
 * follow, no connection is held.
 */
final class BinanceLikeMarketStream extends StreamSocket implements MarketStream {

    private static final Logger LOG = Logger.getLogger(BinanceLikeMarketStream.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One symbol's prices, each with when it was learnt: a streamed one when it arrived, a REST read when it began. */
    private static final class Quote {
        private BigDecimal bid;
        private BigDecimal ask;
        private BigDecimal last;
        private long bookAt = Long.MIN_VALUE;
        private long lastAt = Long.MIN_VALUE;

        synchronized void book(BigDecimal bid, BigDecimal ask, long at) {
            this.bid = bid;
            this.ask = ask;
            this.bookAt = at;
        }

        synchronized void trade(BigDecimal price, long at) {
            this.last = price;
            this.lastAt = at;
        }

        synchronized void read(MarketData.Ticker ticker, long began) {
            if (bookAt < began) {
                book(ticker.bidPrice(), ticker.askPrice(), began);
            }
            if (lastAt < began) {
                trade(ticker.lastPrice(), began);
            }
        }

        synchronized Optional<Top> top() {
            return bid == null || ask == null || last == null ? Optional.empty() : Optional.of(new Top(bid, ask, last));
        }
    }

    private final Function<String, CompletionStage<MarketData.Ticker>> rest;
    private final AtomicLong requestIds = new AtomicLong();
    private final Map<String, Quote> quotes = new ConcurrentHashMap<>();
    /** The symbols of each SUBSCRIBE not acknowledged yet, by request id. */
    private final Map<Long, List<String>> unacknowledged = new ConcurrentHashMap<>();
    private Set<String> wanted = Set.of();
    private Set<String> subscribed = Set.of();
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

    /** @param rest a symbol's ticker over REST, for the prices a new subscription has not streamed */
    BinanceLikeMarketStream(URI baseUrl, HttpClient http, ScheduledExecutorService scheduler,
                            Function<String, CompletionStage<MarketData.Ticker>> rest) {
        this(baseUrl, http, scheduler, rest, SILENCE);
    }

    BinanceLikeMarketStream(URI baseUrl, HttpClient http, ScheduledExecutorService scheduler,
                            Function<String, CompletionStage<MarketData.Ticker>> rest, Duration silence) {
        super("market stream", URI.create(baseUrl.toString().replaceAll("/+$", "") + "/stream"), http, scheduler, silence);
        this.rest = rest;
    }

    @Override
    public synchronized void follow(Set<String> symbols) {
        wanted = Set.copyOf(symbols);
        if (isClosed()) {
            return;
        }
        WebSocket open = socket();
        if (wanted.isEmpty()) {
            disconnect("nothing to stream");
        } else if (open != null) {
            resubscribe(open);
        } else {
            connect();
        }
    }

    @Override
    public Optional<Top> top(String symbol) {
        Quote quote = quotes.get(symbol);
        return quote == null ? Optional.empty() : quote.top();
    }

    @Override
    protected boolean wanted() {
        return !wanted.isEmpty();
    }

    @Override
    protected void opened(WebSocket webSocket) {
        sending = CompletableFuture.completedFuture(null);
        resubscribe(webSocket);
    }

    @Override
    protected void dropped() {
        subscribed = Set.of();
        quotes.clear();
        unacknowledged.clear();
    }

    /** Brings the connection's streams to the wanted symbols' in one SUBSCRIBE and one UNSUBSCRIBE at most. */
    private synchronized void resubscribe(WebSocket webSocket) {
        List<String> added = new ArrayList<>(wanted);
        added.removeAll(subscribed);
        Set<String> removed = new HashSet<>(subscribed);
        removed.removeAll(wanted);
        subscribed = wanted;
        if (!removed.isEmpty()) {
            removed.forEach(quotes::remove);
            send(webSocket, "UNSUBSCRIBE", List.copyOf(removed), requestIds.incrementAndGet());
        }
        if (!added.isEmpty()) {
            added.forEach(symbol -> quotes.put(symbol, new Quote()));
            long id = requestIds.incrementAndGet();
            unacknowledged.put(id, added);
            send(webSocket, "SUBSCRIBE", added, id);
        }
    }

    /** Sends after the message before it went: a WebSocket takes one message at a time. */
    private void send(WebSocket webSocket, String method, List<String> symbols, long id) {
        List<String> streams = new ArrayList<>();
        for (String symbol : symbols) {
            String name = symbol.toLowerCase(Locale.ROOT);
            streams.add(name + "@bookTicker");
            streams.add(name + "@trade");
        }
        String text;
        try {
            text = JSON.writeValueAsString(Map.of("method", method, "params", streams, "id", id));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        sending = sending.exceptionally(failure -> null).thenCompose(ignored -> webSocket.sendText(text, true));
    }

    @Override
    protected void received(WebSocket webSocket, JsonNode json) {
        String stream = json.path("stream").asText("");
        JsonNode data = json.path("data");
        Quote quote = quotes.get(data.path("s").asText());
        long now = System.nanoTime();
        if (quote != null && stream.endsWith("@bookTicker")) {
            quote.book(new BigDecimal(data.path("b").asText("0")), new BigDecimal(data.path("a").asText("0")), now);
        } else if (quote != null && stream.endsWith("@trade")) {
            quote.trade(new BigDecimal(data.path("p").asText("0")), now);
        } else if (json.has("result") && json.path("id").canConvertToLong()) {
            List<String> acknowledged = unacknowledged.remove(json.path("id").asLong());
            // a connection that opens and is dropped before it answers anything is not working: its retries back off
            working();
            if (acknowledged != null) {
                acknowledged.forEach(this::readOnce);
            }
        } else if (json.has("code")) {
            LOG.warnf("market stream at %s refused a request: %s %s", url, json.path("code").asText(), json.path("msg").asText());
        }
    }

    /** The symbol's prices over REST, for those its streams have not given since the subscription stood. */
    private void readOnce(String symbol) {
        Quote quote = quotes.get(symbol);
        long began = System.nanoTime();
        rest.apply(symbol).whenComplete((ticker, failure) -> {
            if (failure != null) {
                LOG.debugf("market stream: %s not read over REST: %s", symbol, failure.toString());
            } else if (quote != null && quotes.get(symbol) == quote) {
                // a read begun before the connection was lost says nothing of the prices since
                quote.read(ticker, began);
            }
        });
    }
}
