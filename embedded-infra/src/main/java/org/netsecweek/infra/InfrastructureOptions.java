package org.netsecweek.infra;

import java.nio.file.Path;

/**
 * How to start in-JVM infrastructure.
 *
 * @param kafkaPort the broker's port, 0 for any free one
 * @param partitions partitions of every topic the broker creates on first use
 * @param postgresPort the server's port, 0 for any free one
 * @param postgresDataDirectory where PostgreSQL keeps its data, {@code null} for a throwaway directory
 */
public record InfrastructureOptions(int kafkaPort, int partitions, int postgresPort, Path postgresDataDirectory) {

	public static InfrastructureOptions forTests() {
		return new InfrastructureOptions(0, 2, 0, null);
	}
}
