package org.palisade.deploy.vapix;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently a call is retried after a transient fault: exponential backoff
 * ({@code initialBackoff * multiplier^(attempt-1)}, capped at {@code maxBackoff}) with jitter
 * (the delay is reduced by a random fraction up to {@code jitter}, so that devices failing
 * together do not retry in lock step). A device's {@code Retry-After} (seconds) is honoured up
 * to {@code maxBackoff}.
 * <p>
 * Which faults are transient, per kind of call, is decided by the transport, see
 * {@link VapixClient}.
 *
 * @param maxAttempts total attempts including the first, at least 1
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
		double jitter) {

	public RetryPolicy {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be >= 1");
		}
		Objects.requireNonNull(initialBackoff);
		Objects.requireNonNull(maxBackoff);
		if (multiplier < 1) {
			throw new IllegalArgumentException("multiplier must be >= 1");
		}
		if (jitter < 0 || jitter > 1) {
			throw new IllegalArgumentException("jitter must be within [0,1]");
		}
	}

	/** 4 attempts, 200 ms doubling up to 5 s, 50 % jitter. */
	public static RetryPolicy defaults() {
		return new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5), 2.0, 0.5);
	}

	/** A single attempt: every fault is reported at once. */
	public static RetryPolicy none() {
		return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0, 0);
	}

	/**
	 * @param failedAttempt the attempt that just failed, from 1
	 * @param retryAfter    the device's Retry-After, or {@code null}
	 * @return how long to wait before the next attempt
	 */
	public Duration backoff(int failedAttempt, Duration retryAfter) {
		double base = initialBackoff.toMillis() * Math.pow(multiplier, failedAttempt - 1.0);
		long capped = (long) Math.min(base, maxBackoff.toMillis());
		long jittered = (long) (capped * (1.0 - jitter * ThreadLocalRandom.current().nextDouble()));
		if (retryAfter != null) {
			jittered = Math.max(jittered, Math.min(retryAfter.toMillis(), maxBackoff.toMillis()));
		}
		return Duration.ofMillis(Math.max(0, jittered));
	}
}
