package dev.tradefleet.connector.threads;

import java.util.concurrent.ThreadFactory;

/** Threads of the connector's own workers: named for thread dumps, and daemons, so none holds the JVM at exit. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    public static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
