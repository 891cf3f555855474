package org.netsecweek.reporting.report;

import java.time.Instant;

/**
 * The report frozen at the deadline.
 *
 * @param asOf events received up to this instant (and occurred before the deadline) are counted
 * @param content the report's canonical JSON (UTF-8)
 * @param sha256 hex SHA-256 of {@code content}'s UTF-8 bytes
 * @param generatedBy {@code scheduler} or the user name of the province admin who asked for it
 */
public record Snapshot(String campaignId, Instant asOf, String content, String sha256, Instant generatedAt,
		String generatedBy) {
}
