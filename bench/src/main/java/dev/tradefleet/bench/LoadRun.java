package dev.tradefleet.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * HTTP load over a pool of keep-alive connections, two ways:
 * <ul>
 *   <li>closed loop ({@link #saturate}): N requests always in flight, each completion sends the next — the
 *   most the target can do;</li>
 *   <li>open loop ({@link #atRate}): requests are due at a fixed rate whatever the answers do, and latency is
 *   counted from when a request was due, so that time spent waiting for a connection is not hidden
 *   (no coordinated omission).</li>
 * </ul>
 */
final class LoadRun {

    record Result(String name, long requests, long errors, double seconds, long[] sortedLatencyNanos) {

        double throughput() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            if (sortedLatencyNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(sortedLatencyNanos.length - 1, Math.ceil(p / 100 * sortedLatencyNanos.length) - 1);
            return sortedLatencyNanos[Math.max(0, index)] / 1_000_000d;
        }
    }

    private static final int MAX_SAMPLES = 4_000_000;

    private final Vertx vertx;
    private final HttpClient client;
    private final Supplier<RequestOptions> requests;
    private final long[] latencies = new long[MAX_SAMPLES];
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    private LoadRun(Vertx vertx, Supplier<RequestOptions> requests, int connections) {
        this.vertx = vertx;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setPipelining(false),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
        this.requests = requests;
    }

    /** An authenticated GET of {@code url}, the same every time. */
    static Supplier<RequestOptions> get(String url, String bearer) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
                .putHeader("Authorization", "Bearer " + bearer).setTimeout(10_000);
        return () -> options;
    }

    static Result saturate(Vertx vertx, String name, String url, String bearer, int connections, Duration duration)
            throws InterruptedException {
        return saturate(vertx, name, get(url, bearer), connections, duration);
    }

    /** Closed loop over requests made by {@code requests} (each call may build a different one, e.g. signed). */
    static Result saturate(Vertx vertx, String name, Supplier<RequestOptions> requests, int connections, Duration duration)
            throws InterruptedException {
        LoadRun run = new LoadRun(vertx, requests, connections);
        long end = System.nanoTime() + duration.toNanos();
        CountDownLatch done = new CountDownLatch(connections);
        long started = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            run.loop(end, done);
        }
        done.await(duration.toSeconds() + 30, TimeUnit.SECONDS);
        return run.finish(name, started);
    }

    static Result atRate(Vertx vertx, String name, String url, String bearer, int connections, int perSecond, Duration duration)
            throws InterruptedException {
        LoadRun run = new LoadRun(vertx, get(url, bearer), connections);
        long total = perSecond * duration.toSeconds();
        long started = System.nanoTime();
        double intervalNanos = 1e9 / perSecond;
        AtomicLong issued = new AtomicLong();
        AtomicLong finished = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        vertx.setPeriodic(1, timer -> {
            long now = System.nanoTime();
            long due = Math.min(total, (long) ((now - started) / intervalNanos) + 1);
            while (issued.get() < due) {
                long dueAt = started + (long) (issued.getAndIncrement() * intervalNanos);
                run.send(dueAt, ignored -> {
                    if (finished.incrementAndGet() == total) {
                        done.countDown();
                    }
                });
            }
            if (issued.get() >= total) {
                vertx.cancelTimer(timer);
            }
        });
        done.await(duration.toSeconds() + 60, TimeUnit.SECONDS);
        return run.finish(name, started);
    }

    private void loop(long end, CountDownLatch done) {
        if (System.nanoTime() >= end) {
            done.countDown();
            return;
        }
        send(System.nanoTime(), ignored -> loop(end, done));
    }

    private void send(long dueAt, LongConsumer then) {
        client.request(requests.get())
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode()))
                .onComplete(result -> {
                    long latency = System.nanoTime() - dueAt;
                    if (result.succeeded() && result.result() == 200) {
                        long i = count.getAndIncrement();
                        if (i < MAX_SAMPLES) {
                            latencies[(int) i] = latency;
                        }
                    } else {
                        errors.incrementAndGet();
                    }
                    then.accept(latency);
                });
    }

    private Result finish(String name, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        client.close();
        int n = (int) Math.min(count.get(), MAX_SAMPLES);
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        return new Result(name, count.get(), errors.get(), seconds, sorted);
    }
}
