package org.netsecweek.events.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.netsecweek.events.CampaignEvent;
import org.netsecweek.events.Topics;

/**
 * scoring-service booked points for an attempt.
 *
 * @param attemptId the attempt the points come from; one PointsAwarded per attempt
 * @param points points booked for this attempt
 * @param newTotal the worker's total after this booking (totals only grow, so the largest seen is the newest)
 * @param drawsEarned draws earned so far in this campaign: {@code newTotal / pointsPerDraw}, rounded down
 */
public record PointsAwarded(UUID eventId, Instant occurredAt, String campaignId, int schemaVersion, UUID workerId,
		UUID attemptId, LocalDate campaignDay, int points, int newTotal, int drawsEarned) implements CampaignEvent {

	public static final int SCHEMA_VERSION = 1;

	@Override
	public String topic() {
		return Topics.POINTS_AWARDED;
	}
}
