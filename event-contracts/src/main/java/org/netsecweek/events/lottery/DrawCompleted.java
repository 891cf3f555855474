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
 * @param redemptionCode the code the winner shows to collect the prize (兑奖码), only for {@link DrawOutcome#PRIZE};
 * {@code null} otherwise and in schema 1. A bearer secret: whoever holds it can collect the prize, so consumers show
 * it to the owning worker and to admins only and never log it ({@link #toString()} leaves it out)
 */
public record DrawCompleted(UUID eventId, Instant occurredAt, String campaignId, int schemaVersion, UUID workerId,
		UUID drawId, DrawOutcome outcome, String prizeId, String prizeName, String rejectionReason,
		String seedCommitment, String drawHmac, String logHash, String redemptionCode) implements CampaignEvent {

	/** 2 added {@code redemptionCode}. */
	public static final int SCHEMA_VERSION = 2;

	/** A draw announced without a redemption code, as schema 1 did. */
	public DrawCompleted(UUID eventId, Instant occurredAt, String campaignId, int schemaVersion, UUID workerId,
			UUID drawId, DrawOutcome outcome, String prizeId, String prizeName, String rejectionReason,
			String seedCommitment, String drawHmac, String logHash) {
		this(eventId, occurredAt, campaignId, schemaVersion, workerId, drawId, outcome, prizeId, prizeName,
				rejectionReason, seedCommitment, drawHmac, logHash, null);
	}

	@Override
	public String topic() {
		return Topics.DRAW_COMPLETED;
	}

	/** Everything but the redemption code, which must not reach a log line. */
	@Override
	public String toString() {
		return "DrawCompleted[eventId=" + eventId + ", occurredAt=" + occurredAt + ", campaignId=" + campaignId
				+ ", schemaVersion=" + schemaVersion + ", workerId=" + workerId + ", drawId=" + drawId + ", outcome="
				+ outcome + ", prizeId=" + prizeId + ", rejectionReason=" + rejectionReason + ", redemptionCode="
				+ (redemptionCode == null ? "null" : "(hidden)") + "]";
	}
}
