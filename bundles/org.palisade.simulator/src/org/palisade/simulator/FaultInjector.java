package org.palisade.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * Run-time fault injection for one virtual device; thread-safe, changeable at any time.
 * <p>
 * Counting: a "call" is a request that passed authentication (401 challenges and rejected
 * credentials are not calls), so the numbers do not depend on how a client does its Digest
 * handshake. Latency applies to every request, challenges included, like a real round trip.
 * <p>
 * Precedence when several are armed: {@link #failAfter}/{@link #dropAfter}, then
 * {@link #dropNext}, then {@link #failNext}, then {@link #failRandomly}.
 * <p>
 * Guarantee: a faulted call is rejected before the device acts on it, so it changes no state.
 * A wrong password is not injected here; see {@link VirtualDevice#changePassword(char[])}.
 */
public final class FaultInjector {

	/** What the device does with a call. */
	public enum Kind {
		/** Serve normally. */
		NONE,
		/** Answer with an HTTP error status and no state change. */
		HTTP_ERROR,
		/** Read the request, then close the connection without any response. */
		DROP_CONNECTION
	}

	/** The decision for one call; {@code status} is meaningful for {@link Kind#HTTP_ERROR} only. */
	public record Decision(Kind kind, int status) {
		static final Decision NONE = new Decision(Kind.NONE, 0);
	}

	private Duration latency = Duration.ZERO;
	private int failNext;
	private int failNextStatus = 503;
	private int dropNext;
	private double probability;
	private int probabilityStatus = 503;
	private Random random;
	private long afterThreshold = -1;
	private Decision afterDecision;
	private long callsSinceArmed;
	private int afterRemaining = -1;
	private long injected;

	/** Delays every request by {@code value} before it is handled. */
	public synchronized FaultInjector latency(Duration value) {
		this.latency = Objects.requireNonNull(value);
		return this;
	}

	/** The next {@code calls} calls get HTTP {@code status} (500..599). */
	public synchronized FaultInjector failNext(int calls, int status) {
		this.failNext = nonNegative(calls);
		this.failNextStatus = serverError(status);
		return this;
	}

	/** The next {@code calls} calls are read and then the connection is closed without a response. */
	public synchronized FaultInjector dropNext(int calls) {
		this.dropNext = nonNegative(calls);
		return this;
	}

	/** Every call fails with HTTP {@code status} with the given probability; {@code seed} makes it repeatable. */
	public synchronized FaultInjector failRandomly(double probabilityValue, long seed, int status) {
		if (probabilityValue < 0 || probabilityValue > 1) {
			throw new IllegalArgumentException("probability must be within [0,1]");
		}
		this.probability = probabilityValue;
		this.random = new Random(seed);
		this.probabilityStatus = serverError(status);
		return this;
	}

	/** The next {@code okCalls} calls succeed; every later call fails with HTTP {@code status}. */
	public synchronized FaultInjector failAfter(int okCalls, int status) {
		return after(okCalls, new Decision(Kind.HTTP_ERROR, serverError(status)));
	}

	/** The next {@code okCalls} calls succeed; every later call gets its connection dropped. */
	public synchronized FaultInjector dropAfter(int okCalls) {
		return after(okCalls, new Decision(Kind.DROP_CONNECTION, 0));
	}

	/**
	 * A transient fault after the Nth call: the next {@code okCalls} calls succeed, the following
	 * {@code times} calls fail with HTTP {@code status}, and later calls succeed again.
	 */
	public synchronized FaultInjector failAfter(int okCalls, int status, int times) {
		after(okCalls, new Decision(Kind.HTTP_ERROR, serverError(status)));
		this.afterRemaining = nonNegative(times);
		return this;
	}

	/** As {@link #failAfter(int, int, int)}, with the connection dropped instead of an error status. */
	public synchronized FaultInjector dropAfter(int okCalls, int times) {
		after(okCalls, new Decision(Kind.DROP_CONNECTION, 0));
		this.afterRemaining = nonNegative(times);
		return this;
	}

	private FaultInjector after(int okCalls, Decision decision) {
		this.afterThreshold = nonNegative(okCalls);
		this.afterDecision = decision;
		this.callsSinceArmed = 0;
		this.afterRemaining = -1;
		return this;
	}

	/** Disarms every fault, latency included. The injected-fault counter is kept. */
	public synchronized FaultInjector clear() {
		latency = Duration.ZERO;
		failNext = 0;
		dropNext = 0;
		probability = 0;
		random = null;
		afterThreshold = -1;
		afterDecision = null;
		afterRemaining = -1;
		return this;
	}

	public synchronized Duration latency() {
		return latency;
	}

	/** @return how many calls were faulted since the device started */
	public synchronized long injectedCount() {
		return injected;
	}

	/**
	 * Decides the fate of one authenticated call and consumes the armed counters. Called by the
	 * device for each call; tests normally do not call it.
	 */
	public synchronized Decision decide() {
		Decision d = pick();
		if (d.kind() != Kind.NONE) {
			injected++;
		}
		return d;
	}

	private Decision pick() {
		if (afterDecision != null) {
			callsSinceArmed++;
			if (callsSinceArmed > afterThreshold && afterRemaining != 0) {
				if (afterRemaining > 0) {
					afterRemaining--;
				}
				return afterDecision;
			}
		}
		if (dropNext > 0) {
			dropNext--;
			return new Decision(Kind.DROP_CONNECTION, 0);
		}
		if (failNext > 0) {
			failNext--;
			return new Decision(Kind.HTTP_ERROR, failNextStatus);
		}
		if (random != null && random.nextDouble() < probability) {
			return new Decision(Kind.HTTP_ERROR, probabilityStatus);
		}
		return Decision.NONE;
	}

	private static int nonNegative(int n) {
		if (n < 0) {
			throw new IllegalArgumentException("count must be >= 0");
		}
		return n;
	}

	private static int serverError(int status) {
		if (status < 500 || status > 599) {
			throw new IllegalArgumentException("status must be 5xx");
		}
		return status;
	}
}
