package org.netsecweek.platform.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How the {@link Outbox} tells this instance's relay that rows were committed, so that the relay looks at once
 * instead of polling an empty table: an idle relay costs the database nothing but a look now and then.
 */
final class NewRows {

	private final Semaphore committed = new Semaphore(0);

	/** Rows were committed: wakes the relay, or makes its next wait return at once. */
	void committed() {
		if (committed.availablePermits() == 0) {
			committed.release();
		}
	}

	/**
	 * Waits until rows are committed or the timeout passes, whichever comes first; forgets the commits told so far
	 * (the look that follows sees them all).
	 */
	void awaitUpTo(Duration timeout) throws InterruptedException {
		committed.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
		committed.drainPermits();
	}
}
