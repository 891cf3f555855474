package org.netsecweek.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies per named step (HdrHistogram, microseconds, up to 5 minutes), errors per step, and completions per
 * second over time for the report. Recording is off during the warm-up.
 */
final class Recordings {

	private final Map<String, Recorder> recorders = new ConcurrentHashMap<>();

	private final Map<String, Histogram> totals = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();

	/** Completions per second of the run, by step: second since start, count. */
	private final Map<String, ConcurrentSkipListMap<Long, AtomicLong>> timeline = new ConcurrentHashMap<>();

	private volatile boolean on;

	private volatile long startNanos = System.nanoTime();

	void start() {
		startNanos = System.nanoTime();
		recorders.values().forEach(Recorder::reset);
		on = true;
	}

	void stop() {
		on = false;
	}

	void record(String step, long intendedStartNanos) {
		long now = System.nanoTime();
		if (!on) {
			return;
		}
		long micros = Math.max(1, TimeUnit.NANOSECONDS.toMicros(now - intendedStartNanos));
		recorders.computeIfAbsent(step, s -> new Recorder(TimeUnit.MINUTES.toMicros(5), 3))
			.recordValue(Math.min(micros, TimeUnit.MINUTES.toMicros(5)));
		timeline.computeIfAbsent(step, s -> new ConcurrentSkipListMap<>())
			.computeIfAbsent(TimeUnit.NANOSECONDS.toSeconds(now - startNanos), s -> new AtomicLong())
			.incrementAndGet();
	}

	void error(String step) {
		if (on) {
			errors.computeIfAbsent(step, s -> new AtomicLong()).incrementAndGet();
		}
	}

	/** Everything recorded for a step since the last call, added to its totals; the interval's own histogram. */
	Histogram interval(String step) {
		Recorder recorder = recorders.get(step);
		Histogram interval = recorder == null ? new Histogram(3) : recorder.getIntervalHistogram();
		totals.computeIfAbsent(step, s -> new Histogram(TimeUnit.MINUTES.toMicros(5), 3)).add(interval);
		return interval;
	}

	Histogram total(String step) {
		interval(step);
		return totals.get(step);
	}

	long errors(String step) {
		AtomicLong n = errors.get(step);
		return n == null ? 0 : n.get();
	}

	long errors() {
		return errors.values().stream().mapToLong(AtomicLong::get).sum();
	}

	Map<String, ConcurrentSkipListMap<Long, AtomicLong>> timeline() {
		return timeline;
	}
}
