package org.netsecweek.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A JVM this test starts as a separate process, so that it can stop it or kill it without warning. */
final class ChildProcess {

	private final String name;

	private final List<String> command;

	private final Path log;

	private Process process;

	ChildProcess(String name, List<String> command, Path log) {
		this.name = name;
		this.command = command;
		this.log = log;
	}

	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	synchronized void start() {
		if (alive()) {
			throw new IllegalStateException(name + " is already running");
		}
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			Process started = process;
			// however this JVM ends (short of SIGKILL), it leaves no process of its own behind
			Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, name + "-kill"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name, ex);
		}
	}

	synchronized boolean alive() {
		return process != null && process.isAlive();
	}

	/** SIGKILL: no shutdown hook, no graceful stop, no commit of anything in flight. */
	synchronized void kill() {
		process.destroyForcibly();
		waitForExit(30);
	}

	/** SIGTERM, then SIGKILL if it has not stopped within 30 s. */
	synchronized void stop() {
		if (!alive()) {
			return;
		}
		process.destroy();
		if (!waitForExit(30)) {
			kill();
		}
	}

	boolean waitForExit(int seconds) {
		try {
			return process.waitFor(seconds, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	Path log() {
		return log;
	}

	@Override
	public String toString() {
		return name;
	}
}
