package org.palisade.deploy.vapix.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.palisade.deploy.vapix.RetryPolicy;

class RetryPolicyTest {

	@Test
	void backoffGrowsExponentiallyWithinJitterAndCap() {
		RetryPolicy p = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(1000), 2.0, 0.5);
		for (int i = 0; i < 50; i++) {
			long first = p.backoff(1, null).toMillis();
			long third = p.backoff(3, null).toMillis();
			long tenth = p.backoff(10, null).toMillis();
			assertTrue(first >= 50 && first <= 100, "first " + first);
			assertTrue(third >= 200 && third <= 400, "third " + third);
			assertTrue(tenth >= 500 && tenth <= 1000, "capped " + tenth);
		}
	}

	@Test
	void retryAfterIsHonouredUpToTheCap() {
		RetryPolicy p = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(2000), 2.0, 0);
		assertEquals(1000, p.backoff(1, Duration.ofSeconds(1)).toMillis());
		assertEquals(2000, p.backoff(1, Duration.ofSeconds(30)).toMillis());
	}

	@Test
	void rejectsNonsense() {
		assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 2, 0));
		assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0.5, 0));
		assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 2, 2));
		assertEquals(1, RetryPolicy.none().maxAttempts());
	}
}
