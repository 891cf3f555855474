package org.netsecweek.events.lottery;

import java.time.Instant;
import java.util.UUID;

import org.netsecweek.events.CampaignEvent;
import org.netsecweek.events.Topics;

/**
 * lottery-service finished a requested draw. Exactly one per draw id.
 *
 * @param prizeId the prize won, or {@code null} unless the outcome is {@link DrawOutcome#PRIZE}
 * @param prizeName the prize's display name (Chinese), or {@code null}
 * @param rejectionReason a machine-readable reason when {@link DrawOutcome#REJECTED}, otherwise {@code null}
 * @param seedCommitment hex SHA-256 of the campaign's secret seed, published before the campaign opened
 * @param drawHmac hex HMAC-SHA256(seed, drawId): the draw's random number, checkable once the seed is revealed
 * @param logHash hex hash of this draw's record in the hash-chained draw log
 */
public record DrawCompleted(UUID eventId, Instant occurredAt, String campaignId, int schemaVersion, UUID workerId,
		UUID drawId, DrawOutcome outcome, String prizeId, String prizeName, String rejectionReason,
		String seedCommitment, String drawHmac, String logHash) implements CampaignEvent {

	public static final int SCHEMA_VERSION = 1;

	@Override
	public String topic() {
		return Topics.DRAW_COMPLETED;
	}
}
