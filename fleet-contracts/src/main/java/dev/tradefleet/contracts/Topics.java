package dev.tradefleet.contracts;

import java.util.List;

/**
 * Kafka topic names. A name ends in its major version: a breaking change to an event is a new topic,
 * never an in-place change (see docs/events.md).
 */
public final class Topics {

    public static final String CUSTODY_SNAPSHOTS = "custody.snapshots.v1";
    public static final String TRADING_INTENTS = "trading.intents.v1";
    public static final String TRADING_ORDER_UPDATES = "trading.order-updates.v1";
    public static final String TRADING_FILLS = "trading.fills.v1";
    public static final String LEDGER_ENTRIES = "ledger.entries.v1";
    public static final String MARKET_TICKERS = "market.tickers.v1";
    public static final String CREDENTIALS_CHANGES = "credentials.changes.v1";

    public static final List<String> ALL = List.of(
            CUSTODY_SNAPSHOTS, TRADING_INTENTS, TRADING_ORDER_UPDATES, TRADING_FILLS,
            LEDGER_ENTRIES, MARKET_TICKERS, CREDENTIALS_CHANGES);

    private static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }

    /** The topic where a consumer parks a message of {@code topic} that it cannot parse or apply. */
    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** Every topic and its dead-letter topic: what an environment must create before services start. */
    public static List<String> allWithDeadLetters() {
        return ALL.stream().flatMap(t -> java.util.stream.Stream.of(t, deadLetterOf(t))).toList();
    }
}
