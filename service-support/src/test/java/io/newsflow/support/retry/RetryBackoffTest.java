package io.newsflow.support.retry;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RetryBackoffTest {

    @Test
    void delaysDoubleFromHalfASecondUpToThirtySeconds() {
        Duration d = RetryBackoff.FIRST;
        StringBuilder seen = new StringBuilder(String.valueOf(d.toMillis()));
        for (int i = 0; i < 8; i++) {
            d = RetryBackoff.next(d);
            seen.append(' ').append(d.toMillis());
        }
        assertThat(seen).hasToString("500 1000 2000 4000 8000 16000 30000 30000 30000");
    }

    @Test
    void aShutdownCutsTheWaitShort() throws Exception {
        RetryBackoff backoff = new RetryBackoff();
        assertThat(backoff.stoppedWhileWaiting(Duration.ofMillis(10))).isFalse();
        assertThat(backoff.isStopping()).isFalse();

        new Thread(() -> {
            sleep(100);
            backoff.stop();
        }).start();
        long started = System.nanoTime();
        assertThat(backoff.stoppedWhileWaiting(Duration.ofMinutes(5))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMinutes(1));
        assertThat(backoff.isStopping()).isTrue();
        assertThat(backoff.stoppedWhileWaiting(Duration.ofMinutes(5))).isTrue(); // at once, once stopped
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
