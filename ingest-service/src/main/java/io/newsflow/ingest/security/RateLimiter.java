package io.newsflow.ingest.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.ingest.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One token bucket per API key (Bucket4j): a key may send {@code burst} articles at once and
 * {@code requests} per {@code period} after that, so one runaway script cannot starve the others. A single post
 * takes one token, a batch one per article. The buckets live in this instance's memory: with N ingest instances
 * behind a balancer a key gets up to N times the rate, which is what the limit is for (protecting each instance),
 * not a quota.
 */
@ApplicationScoped
public class RateLimiter {

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final IngestConfig.RateLimit limit;
    private final MeterRegistry registry;

    public RateLimiter(IngestConfig config, MeterRegistry registry) {
        this.limit = config.rateLimit();
        this.registry = registry;
    }

    /** Takes one token from the key's bucket: empty when allowed, else the whole seconds to wait. */
    public OptionalLong tryAcquire(String keyId) {
        return tryAcquire(keyId, 1);
    }

    /**
     * Takes {@code tokens} at once, or none: empty when allowed, else the whole seconds until that many are there.
     * Asking for more than {@link #capacity()} can never succeed: callers check that first.
     */
    public OptionalLong tryAcquire(String keyId, long tokens) {
        if (!enabled() || tokens <= 0) {
            return OptionalLong.empty();
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(keyId, k -> newBucket()).tryConsumeAndReturnRemaining(tokens);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        registry.counter("newsflow.ingest.rate.limited", "key", keyId).increment();
        long nanos = probe.getNanosToWaitForRefill();
        return OptionalLong.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }

    public boolean enabled() {
        return limit.requests() > 0;
    }

    /** The most tokens a key can ever hold: the burst. */
    public long capacity() {
        return Math.max(limit.burst(), 1);
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(capacity())
                        .refillGreedy(limit.requests(), limit.period())
                        .build())
                .build();
    }
}
