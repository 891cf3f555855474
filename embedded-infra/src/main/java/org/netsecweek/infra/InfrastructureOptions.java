package org.netsecweek.infra;

import java.nio.file.Path;

/**
 * How to start in-JVM infrastructure.
 *
 * @param partitions partitions of every topic the broker creates on first use
 * @param postgresPort the server's port, 0 for any free one
 * @param postgresDataDirectory where PostgreSQL keeps its data, {@code null} for a throwaway directory
 * @param stopAtExit stop the servers in a JVM shutdown hook (tests); otherwise the owner calls
 * {@link Infrastructure#stop()}
 */
public record InfrastructureOptions(int partitions, int postgresPort, Path postgresDataDirectory,
		boolean stopAtExit) {

	public static InfrastructureOptions forTests() {
		return new InfrastructureOptions(2, 0, null, true);
	}
}
