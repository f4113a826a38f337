package io.newsflow.support.retry;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The one retry policy of Newsflow: how a service waits between attempts at a {@linkplain TransientFailures transient
 * failure} (database or broker away): {@link #FIRST 0.5 s}, {@link #MULTIPLIER doubling} up to {@link #MAX 30 s}, for
 * as long as it takes, and cut short at once by a shutdown so the record is left uncommitted instead of half-done.
 * One per consumer; {@link #stop()} is called when the service begins to shut down.
 */
public final class RetryBackoff {

    public static final Duration FIRST = Duration.ofMillis(500);
    public static final Duration MAX = Duration.ofSeconds(30);
    public static final int MULTIPLIER = 2;

    private final CountDownLatch stopping = new CountDownLatch(1);

    public void stop() {
        stopping.countDown();
    }

    public boolean isStopping() {
        return stopping.getCount() == 0;
    }

    /** Waits for the delay; true when shutdown began meanwhile (or the thread was interrupted, which means the same). */
    public boolean stoppedWhileWaiting(Duration delay) {
        try {
            return stopping.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** The delay after {@code delay}: {@link #MULTIPLIER} times as long, at most {@link #MAX}. */
    public static Duration next(Duration delay) {
        Duration longer = delay.multipliedBy(MULTIPLIER);
        return longer.compareTo(MAX) > 0 ? MAX : longer;
    }
}
