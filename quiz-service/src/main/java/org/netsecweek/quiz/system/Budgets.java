package org.netsecweek.quiz.system;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;

/**
 * A request budget per key (a worker, an address): {@code requests} per {@code period}, by resilience4j's
 * {@link AtomicRateLimiter}, which never waits: a request either has a permit now or is refused.
 * <p>
 * Keys come and go all day, so budgets are forgotten: those idle for a whole period at once (an idle period refills a
 * budget completely, so nothing is lost), and the least recently used when more than {@code maxKeys} are in use.
 * Limiters are not registered anywhere, so no meters or events pile up per worker.
 */
class Budgets {

	private final RateLimiterConfig config;

	private final int maxKeys;

	private final long idleNanos;

	private final LongSupplier nanoTime;

	private final ReentrantLock lock = new ReentrantLock();

	/** Access-ordered: the first entry is the least recently used. Guarded by {@link #lock}. */
	private final LinkedHashMap<String, Budget> budgets = new LinkedHashMap<>(256, 0.75f, true);

	Budgets(int requests, Duration period, int maxKeys) {
		this(requests, period, maxKeys, System::nanoTime);
	}

	Budgets(int requests, Duration period, int maxKeys, LongSupplier nanoTime) {
		this.config = RateLimiterConfig.custom()
			.limitForPeriod(requests)
			.limitRefreshPeriod(period)
			.timeoutDuration(Duration.ZERO)
			.build();
		this.maxKeys = maxKeys;
		this.idleNanos = period.toNanos();
		this.nanoTime = nanoTime;
	}

	/** Spends one request of the key's budget, or says how long until it has one again. */
	Admission spend(String key) {
		AtomicRateLimiter limiter = limiter(key);
		if (limiter.acquirePermission()) {
			return Admission.ADMITTED;
		}
		long nanos = limiter.getDetailedMetrics().getNanosToWait();
		return new Admission(false, Duration.ofSeconds(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L)));
	}

	/** Keys with a budget in memory. */
	int size() {
		lock.lock();
		try {
			return budgets.size();
		}
		finally {
			lock.unlock();
		}
	}

	private AtomicRateLimiter limiter(String key) {
		long now = nanoTime.getAsLong();
		lock.lock();
		try {
			Budget budget = budgets.get(key);
			if (budget == null) {
				budget = new Budget(new AtomicRateLimiter(key, config));
				budgets.put(key, budget);
			}
			budget.lastUsed = now;
			forgetIdle(now);
			return budget.limiter;
		}
		finally {
			lock.unlock();
		}
	}

	/** Drops least recently used budgets while too many are kept or the oldest has been idle a whole period. */
	private void forgetIdle(long now) {
		Iterator<Map.Entry<String, Budget>> oldestFirst = budgets.entrySet().iterator();
		while (oldestFirst.hasNext()) {
			Budget oldest = oldestFirst.next().getValue();
			if (budgets.size() <= maxKeys && now - oldest.lastUsed < idleNanos) {
				return;
			}
			oldestFirst.remove();
		}
	}

	/**
	 * @param admitted whether the request may go on
	 * @param retryAfter when refused, how long until the budget has a request again
	 */
	record Admission(boolean admitted, Duration retryAfter) {

		static final Admission ADMITTED = new Admission(true, Duration.ZERO);
	}

	private static final class Budget {

		final AtomicRateLimiter limiter;

		long lastUsed;

		Budget(AtomicRateLimiter limiter) {
			this.limiter = limiter;
		}
	}
}
