package org.netsecweek.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * This machine as the run saw it: cores, memory, and the memory and CPU time of the suite's processes: this JVM
 * and PostgreSQL's server with its backends ({@code pg_ctl} detaches the server, so it is named with
 * {@link #includeDatabase}).
 */
final class Machine {

	private static volatile long databaseServer = -1;

	private Machine() {
	}

	static String describe() {
		long memory = 0;
		try {
			for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
				if (line.startsWith("MemTotal:")) {
					memory = Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux: leave it out
		}
		return Runtime.getRuntime().availableProcessors() + " cores, " + memory + " GiB, Java "
				+ System.getProperty("java.version");
	}

	/**
	 * Repeats a slice of warm-up (at most 18 times) until the JIT compilers spent under a quarter of a core during
	 * one: on 2 cores they compile the four services' and Kafka's code for minutes after start, and a step measured
	 * meanwhile pays for them (at 80 submissions/s, 3 minutes after start, they still took 0.6 of a core).
	 */
	static void warmUntilJitSettles(Runnable slice) {
		for (int i = 0; i < 18; i++) {
			long compiling = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
			long start = System.nanoTime();
			slice.run();
			double share = (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - compiling)
					/ ((System.nanoTime() - start) / 1e6);
			if (share < 0.25) {
				return;
			}
			System.out.printf("  the JIT compilers took %.0f%% of a core during that warm-up: warming up more%n",
					share * 100);
		}
	}

	/** Counts PostgreSQL in: the parent of one of its backends ({@code SELECT pg_backend_pid()}) is the server. */
	static void includeDatabase(long backendPid) {
		try {
			String stat = Files.readString(Path.of("/proc", String.valueOf(backendPid), "stat"));
			databaseServer = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
		}
		catch (IOException | RuntimeException ex) {
			// PostgreSQL on another machine or not Linux: its memory and CPU stay out of the figures
		}
	}

	/**
	 * Memory in MiB of this JVM (the four services, Kafka and the load generator) and of PostgreSQL's processes:
	 * the proportional set size, so pages the backends share (PostgreSQL's shared buffers) count once.
	 */
	static long residentMiB() {
		Set<Long> tree = processTree().keySet();
		long kib = 0;
		for (long pid : tree) {
			try {
				for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "smaps_rollup"))) {
					if (line.startsWith("Pss:")) {
						kib += Long.parseLong(line.replaceAll("\\D", ""));
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				// the process ended meanwhile
			}
		}
		return tree.isEmpty() ? -1 : kib / 1024;
	}

	/**
	 * CPU time used so far, in milliseconds: by this JVM, and by PostgreSQL's processes, including their ended
	 * children; and the part of the JVM's that its JIT compilers spent. The difference over a step divided by the
	 * work done is the CPU cost of one piece of work.
	 */
	static CpuTime cpuTime() {
		long self = ProcessHandle.current().pid();
		long jvm = 0;
		long others = 0;
		for (Map.Entry<Long, String[]> process : processTree().entrySet()) {
			String[] fields = process.getValue();
			long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			if (process.getKey() == self) {
				jvm += ticks;
			}
			else {
				others += ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
			}
		}
		return new CpuTime(jvm * 10, ManagementFactory.getCompilationMXBean().getTotalCompilationTime(), others * 10);
	}

	/**
	 * This JVM, PostgreSQL's server and their descendants, each with the fields of {@code /proc/<pid>/stat} after the
	 * command name.
	 */
	private static Map<Long, String[]> processTree() {
		long self = ProcessHandle.current().pid();
		Map<Long, String[]> stats = new HashMap<>();
		try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
			for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
				try {
					String stat = Files.readString(proc.resolve("stat"));
					stats.put(Long.parseLong(proc.getFileName().toString()),
							stat.substring(stat.lastIndexOf(')') + 2).split(" "));
				}
				catch (IOException | RuntimeException ex) {
					// the process ended meanwhile
				}
			}
		}
		catch (IOException ex) {
			return Map.of();
		}
		Set<Long> tree = new HashSet<>(List.of(self, databaseServer));
		boolean grew = true;
		while (grew) {
			grew = false;
			for (Map.Entry<Long, String[]> process : stats.entrySet()) {
				if (tree.contains(Long.parseLong(process.getValue()[1])) && tree.add(process.getKey())) {
					grew = true;
				}
			}
		}
		stats.keySet().retainAll(tree);
		return stats;
	}

	/**
	 * Milliseconds of CPU (user + system), assuming the usual 100 clock ticks a second.
	 *
	 * @param jitMillis of {@code jvmMillis}, the time the JIT compilers spent compiling: on this 2-core machine they
	 * compile the four services' and Kafka's code for minutes after start, so a step run soon after start pays
	 * for them
	 */
	record CpuTime(long jvmMillis, long jitMillis, long othersMillis) {

		CpuTime since(CpuTime earlier) {
			return new CpuTime(jvmMillis - earlier.jvmMillis, jitMillis - earlier.jitMillis,
					othersMillis - earlier.othersMillis);
		}
	}
}
