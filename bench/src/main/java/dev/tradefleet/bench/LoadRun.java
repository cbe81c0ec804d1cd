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

/**
 * A closed-loop HTTP load: {@code connections} requests are always in flight, each on its own keep-alive
 * connection, and each completion sends the next. Latency is measured from send to the last byte of the body.
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

    private LoadRun() {
    }

    static Result run(Vertx vertx, String name, String url, String bearer, int connections, Duration duration) throws InterruptedException {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setPipelining(false),
                new PoolOptions().setHttp1MaxSize(connections));
        long[] latencies = new long[4_000_000];
        AtomicLong count = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        CountDownLatch done = new CountDownLatch(connections);
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
                .putHeader("Authorization", "Bearer " + bearer).setTimeout(10_000);
        long started = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            next(client, options, end, latencies, count, errors, done);
        }
        done.await(duration.toSeconds() + 30, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - started) / 1e9;
        client.close();
        int n = (int) Math.min(count.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        return new Result(name, count.get(), errors.get(), seconds, sorted);
    }

    private static void next(HttpClient client, RequestOptions options, long end, long[] latencies, AtomicLong count,
                             AtomicLong errors, CountDownLatch done) {
        if (System.nanoTime() >= end) {
            done.countDown();
            return;
        }
        long sent = System.nanoTime();
        client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode()))
                .onComplete(result -> {
                    long latency = System.nanoTime() - sent;
                    if (result.succeeded() && result.result() == 200) {
                        long i = count.getAndIncrement();
                        if (i < latencies.length) {
                            latencies[(int) i] = latency;
                        }
                    } else {
                        errors.incrementAndGet();
                    }
                    next(client, options, end, latencies, count, errors, done);
                });
    }
}
