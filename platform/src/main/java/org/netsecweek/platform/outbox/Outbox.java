package org.netsecweek.platform.outbox;

import java.util.List;
import java.util.UUID;

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

	/** Appends the events in one statement, in the order given: the same rows {@link #append} writes one by one. */
	public Mono<Void> appendAll(List<? extends CampaignEvent> events) {
		if (events.isEmpty()) {
			return Mono.empty();
		}
		return db.sql("INSERT INTO outbox (event_id, topic, message_key, event_type, payload) SELECT e, t, k, y, p "
				+ "FROM unnest(CAST(:e AS uuid[]), CAST(:t AS text[]), CAST(:k AS text[]), CAST(:y AS text[]), "
				+ "CAST(:p AS text[])) WITH ORDINALITY AS r(e, t, k, y, p, n) ORDER BY n")
			.bind("e", events.stream().map(CampaignEvent::eventId).toArray(UUID[]::new))
			.bind("t", events.stream().map(CampaignEvent::topic).toArray(String[]::new))
			.bind("k", events.stream().map(event -> event.workerId().toString()).toArray(String[]::new))
			.bind("y", events.stream().map(event -> event.getClass().getSimpleName()).toArray(String[]::new))
			.bind("p", events.stream().map(json::writeValueAsString).toArray(String[]::new))
			.then();
	}
}
