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
 * One token bucket per API key (Bucket4j): a key may send {@code burst} requests at once and
 * {@code requests} per {@code period} after that, so one runaway script cannot starve the others. The buckets live in
 * this instance's memory: with N ingest instances behind a balancer a key gets up to N times the rate, which is
 * what the limit is for (protecting each instance), not a quota.
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

    /** Takes one request from the key's bucket: empty when allowed, else the whole seconds to wait. */
    public OptionalLong tryAcquire(String keyId) {
        if (limit.requests() <= 0) {
            return OptionalLong.empty();
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(keyId, k -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        registry.counter("newsflow.ingest.rate.limited", "key", keyId).increment();
        long nanos = probe.getNanosToWaitForRefill();
        return OptionalLong.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(Math.max(limit.burst(), 1))
                        .refillGreedy(limit.requests(), limit.period())
                        .build())
                .build();
    }
}
