package org.netsecweek.events.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.netsecweek.events.CampaignEvent;
import org.netsecweek.events.Topics;

/**
 * scoring-service changed a worker's points: booked an attempt, or an admin adjusted the total.
 *
 * @param attemptId the attempt the points come from (one PointsAwarded per booked attempt); {@code null} for an
 * adjustment
 * @param campaignDay the attempt's campaign day; for an adjustment, the day it was made
 * @param points points booked (or, for an adjustment, added; negative when taken away)
 * @param newTotal the worker's total after this change
 * @param drawsEarned draws earned so far in this campaign: {@code newTotal / pointsPerDraw}, rounded down
 * @param sequence since schema 2: the worker's change counter in the campaign, 1 for the first entry and one more
 * for each later one; a consumer keeps the figures of the highest sequence it has seen, so reordered events never
 * move a balance back ({@code null} in schema-1 events, whose totals only grew: take the larger)
 * @param adjustmentId since schema 2: the admin adjustment behind this change, {@code null} for a booked attempt
 */
public record PointsAwarded(UUID eventId, Instant occurredAt, String campaignId, int schemaVersion, UUID workerId,
		UUID attemptId, LocalDate campaignDay, int points, int newTotal, int drawsEarned, Long sequence,
		UUID adjustmentId) implements CampaignEvent {

	public static final int SCHEMA_VERSION = 2;

	@Override
	public String topic() {
		return Topics.POINTS_AWARDED;
	}

}
