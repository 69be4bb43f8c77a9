package dev.switchboard.limits;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A token bucket per client address (the HTTP publish API's {@code publish.rate.per.second} and
 * {@code publish.rate.burst}). The buckets are bounded: at most {@code maxAddresses}, least recently used dropped
 * first; a dropped address starts again with a full bucket, which is what an idle one has anyway.
 */
public final class AddressRateLimit {

    private final double perSecond;
    private final int burst;
    private final LinkedHashMap<String, TokenBucket> buckets;

    public AddressRateLimit(double perSecond, int burst, int maxAddresses) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TokenBucket> eldest) {
                return size() > maxAddresses;
            }
        };
    }

    /** Takes a token for the address; when there is none, how many whole seconds until there is one. */
    public OptionalLong tryTake(String address, long nowNanos) {
        TokenBucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(address, a -> new TokenBucket(perSecond, burst, nowNanos));
        }
        if (bucket.tryTake(nowNanos)) {
            return OptionalLong.empty();
        }
        long nanos = bucket.nanosUntilToken(nowNanos);
        return OptionalLong.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }
}
