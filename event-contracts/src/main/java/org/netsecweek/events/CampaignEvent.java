package org.netsecweek.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What every event carries. The Kafka key of every event is its {@link #workerId()}, so one worker's events stay
 * in order on one partition.
 */
public interface CampaignEvent {

	/** Unique per event; consumers record it to ignore redeliveries. */
	UUID eventId();

	Instant occurredAt();

	String campaignId();

	/** Version of this event type's schema; bumped only by additive changes. */
	int schemaVersion();

	/** The pseudonymous worker id: never a phone number, a name or a WeChat openid. */
	UUID workerId();

	/** The topic this event type is written to. */
	String topic();
}
