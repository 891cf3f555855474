package org.netsecweek.platform.outbox;

import org.netsecweek.events.CampaignEvent;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Writes events to the outbox table. Call it inside the transaction that makes the state change the event
 * announces: both commit or neither does, and the relay publishes only what committed.
 */
public class Outbox {

	private final DatabaseClient db;

	private final JsonMapper json;

	Outbox(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	public Mono<Void> append(CampaignEvent event) {
		return db
			.sql("INSERT INTO outbox (event_id, topic, message_key, event_type, payload) "
					+ "VALUES (:eventId, :topic, :key, :type, :payload)")
			.bind("eventId", event.eventId())
			.bind("topic", event.topic())
			.bind("key", event.workerId().toString())
			.bind("type", event.getClass().getSimpleName())
			.bind("payload", json.writeValueAsString(event))
			.then();
	}
}
