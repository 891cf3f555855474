package org.netsecweek.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

import reactor.core.publisher.Mono;

/**
 * Starts work at a fixed rate for a while, whether or not earlier work finished (an open workload), and hands each
 * start its intended start time, so latencies include any time the work waited because the system was behind.
 * Prints a progress bar once a second.
 */
final class OpenLoad {

	private OpenLoad() {
	}

	/**
	 * Runs {@code work} {@code rate} times a second for {@code duration}; returns once every started piece of work
	 * finished (or {@code drain} passed). {@code work} gets the intended start in {@link System#nanoTime()} terms.
	 */
	static Outcome run(String label, int rate, Duration duration, Duration drain, LongFunction<Mono<?>> work) {
		long total = Math.max(1, rate * duration.toMillis() / 1000);
		long intervalNanos = TimeUnit.SECONDS.toNanos(1) / Math.max(1, rate);
		AtomicLong done = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		Map<String, Failure> failures = new ConcurrentHashMap<>();
		long start = System.nanoTime();
		long nextProgress = start;
		for (long i = 0; i < total; i++) {
			long intended = start + i * intervalNanos;
			long wait = intended - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			work.apply(intended).subscribe(null, error -> {
				failed.incrementAndGet();
				failures.computeIfAbsent(reason(error), reason -> new Failure(error.getMessage(), new AtomicLong()))
					.count()
					.incrementAndGet();
				done.incrementAndGet();
			}, done::incrementAndGet);
			if (System.nanoTime() >= nextProgress) {
				progress(label, i + 1, total, done.get(), failed.get(), start, duration);
				nextProgress += TimeUnit.SECONDS.toNanos(1);
			}
		}
		long drainUntil = System.nanoTime() + drain.toNanos();
		while (done.get() < total && System.nanoTime() < drainUntil) {
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
			if (System.nanoTime() >= nextProgress) {
				progress(label, total, total, done.get(), failed.get(), start, duration);
				nextProgress += TimeUnit.SECONDS.toNanos(1);
			}
		}
		progress(label, total, total, done.get(), failed.get(), start, duration);
		System.out.println();
		failures.forEach((reason, failure) -> System.out.printf("    failed %d× %s, e.g. %s%n", failure.count().get(),
				reason, failure.example()));
		double seconds = (System.nanoTime() - start) / 1e9;
		return new Outcome(total, done.get(), failed.get(), total - done.get(), seconds);
	}

	/** What kind of failure: the answer's status (see {@link Phones#call}) or the exception's type. */
	private static String reason(Throwable error) {
		String message = String.valueOf(error.getMessage());
		int answered = message.indexOf(" answered ");
		return answered >= 0 ? message.substring(answered + 1, Math.min(message.length(), answered + 13))
				: error.getClass().getSimpleName();
	}

	private static void progress(String label, long started, long total, long done, long failed, long start,
			Duration duration) {
		int width = 30;
		int filled = (int) (width * started / Math.max(1, total));
		long elapsed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
		System.out.printf("\r  %-22s [%s%s] %3ds/%ds  started %d  done %d  failed %d   ", label, "#".repeat(filled),
				".".repeat(width - filled), elapsed, duration.toSeconds(), started, done, failed);
		System.out.flush();
	}

	/**
	 * What a run did.
	 *
	 * @param unfinished work still running when the drain time ran out
	 */
	private record Failure(String example, AtomicLong count) {
	}

	record Outcome(long started, long done, long failed, long unfinished, double seconds) {
	}
}
