package org.netsecweek.events.quiz;

import java.time.Instant;
import java.util.UUID;

import org.netsecweek.events.CampaignEvent;
import org.netsecweek.events.Topics;

/**
 * A worker asked for a prize draw. lottery-service decides, against its own count of entitlements, whether the
 * draw happens.
 *
 * @param drawId derived from the worker and {@code drawNumber}, so a repeated request is the same draw
 * @param drawNumber the worker's n-th draw in this campaign, starting at 1
 */
public record DrawRequested(UUID eventId, Instant occurredAt, String campaignId, int schemaVersion, UUID workerId,
		UUID drawId, int drawNumber, String unionId, String orgId) implements CampaignEvent {

	public static final int SCHEMA_VERSION = 1;

	@Override
	public String topic() {
		return Topics.DRAW_REQUESTED;
	}
}
