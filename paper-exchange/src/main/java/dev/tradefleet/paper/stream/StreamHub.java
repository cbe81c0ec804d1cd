package dev.tradefleet.paper.stream;

import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Who listens to what: market streams by name ({@code btcusdt@trade}) and user data by account. Publishing
 * only hands each text to the subscriber's sender, which writes asynchronously; a slow socket never holds
 * up the engine.
 */
@Singleton
public class StreamHub {

    private final Map<String, Set<Consumer<String>>> streams = new ConcurrentHashMap<>();
    private final Map<Long, Set<Consumer<String>>> accounts = new ConcurrentHashMap<>();

    public void subscribe(String stream, Consumer<String> sender) {
        streams.computeIfAbsent(stream, s -> ConcurrentHashMap.newKeySet()).add(sender);
    }

    public void subscribeAccount(long account, Consumer<String> sender) {
        accounts.computeIfAbsent(account, a -> ConcurrentHashMap.newKeySet()).add(sender);
    }

    public void unsubscribe(Consumer<String> sender) {
        streams.values().forEach(set -> set.remove(sender));
        accounts.values().forEach(set -> set.remove(sender));
    }

    public boolean hasSubscribers(String stream) {
        Set<Consumer<String>> set = streams.get(stream);
        return set != null && !set.isEmpty();
    }

    public boolean hasAccountSubscribers(long account) {
        Set<Consumer<String>> set = accounts.get(account);
        return set != null && !set.isEmpty();
    }

    public void publish(String stream, String payload) {
        Set<Consumer<String>> set = streams.get(stream);
        if (set != null) {
            set.forEach(sender -> sender.accept(payload));
        }
    }

    public void publishToAccount(long account, String payload) {
        Set<Consumer<String>> set = accounts.get(account);
        if (set != null) {
            set.forEach(sender -> sender.accept(payload));
        }
    }
}
