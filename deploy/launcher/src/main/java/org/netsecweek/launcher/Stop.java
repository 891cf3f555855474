package org.netsecweek.launcher;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.netsecweek.infra.Infrastructure;

/** Stops the local run once, in order: the services, then PostgreSQL and Kafka. */
final class Stop implements Runnable {

	private final Suite suite;

	private final Infrastructure infrastructure;

	private final AtomicBoolean started = new AtomicBoolean();

	private final CountDownLatch done = new CountDownLatch(1);

	Stop(Suite suite, Infrastructure infrastructure) {
		this.suite = suite;
		this.infrastructure = infrastructure;
	}

	@Override
	public void run() {
		if (!started.compareAndSet(false, true)) {
			awaitQuietly();
			return;
		}
		System.out.println("\nStopping the services, then Kafka and PostgreSQL ...");
		suite.close();
		infrastructure.stop();
		System.out.println("Stopped.");
		done.countDown();
	}

	/** Stops, then ends the JVM. */
	void andExit() {
		new Thread(() -> {
			run();
			System.exit(0);
		}, "suite-stop-signal").start();
	}

	void await() throws InterruptedException {
		done.await();
	}

	private void awaitQuietly() {
		try {
			done.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
