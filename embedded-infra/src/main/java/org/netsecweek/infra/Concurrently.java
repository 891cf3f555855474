package org.netsecweek.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/** Hammers: runs many tasks at once, as a morning rush or a redelivery storm would. */
public final class Concurrently {

	private Concurrently() {
	}

	/** Runs {@code task(0..tasks-1)} on 8 threads and waits for all; the first failure fails the caller. */
	public static void run(int tasks, IntConsumer task) throws InterruptedException, ExecutionException {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < tasks; i++) {
				int n = i;
				futures.add(pool.submit(() -> task.accept(n)));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
	}
}
