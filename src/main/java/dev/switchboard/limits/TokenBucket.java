package dev.switchboard.limits;

/**
 * A token bucket: {@code burst} tokens at most, refilled at {@code ratePerSecond}. Each message takes one.
 * Time is passed in, so callers decide the clock.
 */
public final class TokenBucket {

    private final double tokensPerNano;
    private final double burst;
    private double tokens;
    private long lastRefill;

    public TokenBucket(double ratePerSecond, int burst, long nowNanos) {
        this.tokensPerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.lastRefill = nowNanos;
    }

    /** Takes a token if one is there. */
    public synchronized boolean tryTake(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - lastRefill) * tokensPerNano);
        lastRefill = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Nanoseconds until a token is there (0 when one is). */
    public synchronized long nanosUntilToken(long nowNanos) {
        double now = Math.min(burst, tokens + (nowNanos - lastRefill) * tokensPerNano);
        return now >= 1 ? 0 : (long) Math.ceil((1 - now) / tokensPerNano);
    }
}
