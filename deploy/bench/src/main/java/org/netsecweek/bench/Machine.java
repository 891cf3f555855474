package org.netsecweek.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** This machine as the run saw it: cores, memory, and the resident memory of the suite's processes. */
final class Machine {

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
	 * Resident memory in MiB of this JVM (the four services and the load generator) and of every process it
	 * started (the embedded PostgreSQL server and its backends).
	 */
	static long residentMiB() {
		long self = ProcessHandle.current().pid();
		Map<Long, Long> parents = new HashMap<>();
		try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
			for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
				try {
					String stat = Files.readString(proc.resolve("stat"));
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					parents.put(Long.parseLong(proc.getFileName().toString()), Long.parseLong(fields[1]));
				}
				catch (IOException | RuntimeException ex) {
					// the process ended meanwhile
				}
			}
		}
		catch (IOException ex) {
			return -1;
		}
		Set<Long> tree = new HashSet<>(List.of(self));
		boolean grew = true;
		while (grew) {
			grew = false;
			for (Map.Entry<Long, Long> process : parents.entrySet()) {
				if (tree.contains(process.getValue()) && tree.add(process.getKey())) {
					grew = true;
				}
			}
		}
		long kib = 0;
		for (long pid : tree) {
			try {
				for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
					if (line.startsWith("VmRSS:")) {
						kib += Long.parseLong(line.replaceAll("\\D", ""));
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				// the process ended meanwhile
			}
		}
		return kib / 1024;
	}
}
