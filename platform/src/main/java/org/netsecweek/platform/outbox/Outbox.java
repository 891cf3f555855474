package org.netsecweek.platform.outbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.netsecweek.events.CampaignEvent;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;

/**
 * Writes events to the outbox table. Call {@link #append} inside the transaction that makes the state change the
 * event announces, or let {@link #appendIfChanged} make the change and append the event in one statement: both
 * commit or neither does, and the relay publishes only what committed. Once they commit, this instance's relay is
 * told, so it publishes them at once instead of polling for them.
 */
public class Outbox {

	private static final String INSERT = "INSERT INTO outbox (event_id, topic, message_key, event_type, payload) ";

	private final DatabaseClient db;

	private final JsonMapper json;

	private final NewRows newRows;

	Outbox(DatabaseClient db, JsonMapper json, NewRows newRows) {
		this.db = db;
		this.json = json;
		this.newRows = newRows;
	}

	public Mono<Void> append(CampaignEvent event) {
		return bindEvent(db.sql(INSERT + "VALUES (:outboxEventId, :outboxTopic, :outboxKey, :outboxType, :outboxPayload)"),
				event)
			.then()
			.then(tellRelayOnCommit());
	}

	/** Appends the events in one statement, in the order given: the same rows {@link #append} writes one by one. */
	public Mono<Void> appendAll(List<? extends CampaignEvent> events) {
		if (events.isEmpty()) {
			return Mono.empty();
		}
		return db.sql(INSERT + "SELECT e, t, k, y, p "
				+ "FROM unnest(CAST(:e AS uuid[]), CAST(:t AS text[]), CAST(:k AS text[]), CAST(:y AS text[]), "
				+ "CAST(:p AS text[])) WITH ORDINALITY AS r(e, t, k, y, p, n) ORDER BY n")
			.bind("e", events.stream().map(CampaignEvent::eventId).toArray(UUID[]::new))
			.bind("t", events.stream().map(CampaignEvent::topic).toArray(String[]::new))
			.bind("k", events.stream().map(event -> event.workerId().toString()).toArray(String[]::new))
			.bind("y", events.stream().map(event -> event.getClass().getSimpleName()).toArray(String[]::new))
			.bind("p", events.stream().map(json::writeValueAsString).toArray(String[]::new))
			.then()
			.then(tellRelayOnCommit());
	}

	/**
	 * Makes a change and, only if it changed a row, appends the event: one statement, so atomic without a
	 * transaction, and one round trip to the database instead of four (begin, change, append, commit) on the paths
	 * a morning rush takes. {@code change} is an INSERT, UPDATE or DELETE with a {@code RETURNING} clause that returns
	 * at most one row; its named parameters must not start with {@code outbox}.
	 * @return whether the change happened (and so the event was appended)
	 */
	public Mono<Boolean> appendIfChanged(String change, Map<String, ?> parameters, CampaignEvent event) {
		return bindEvent(db.sql("WITH change AS (" + change + ") " + INSERT
				+ "SELECT :outboxEventId, :outboxTopic, :outboxKey, :outboxType, :outboxPayload FROM change")
			.bindValues(parameters), event)
			.fetch()
			.rowsUpdated()
			.flatMap(rows -> rows > 0 ? tellRelayOnCommit().thenReturn(true) : Mono.just(false));
	}

	/**
	 * Tells the relay when the rows just written are committed: after the caller's transaction commits, or at once
	 * when the statement ran on its own (then it committed as it completed).
	 */
	private Mono<Void> tellRelayOnCommit() {
		Mono<Void> now = Mono.fromRunnable(newRows::committed);
		return TransactionSynchronizationManager.forCurrentTransaction().flatMap(transaction -> {
			if (!transaction.isSynchronizationActive()) {
				return now;
			}
			transaction.registerSynchronization(new TransactionSynchronization() {
				@Override
				public Mono<Void> afterCommit() {
					return now;
				}
			});
			return Mono.<Void>empty();
		}).onErrorResume(NoTransactionException.class, none -> now);
	}

	private DatabaseClient.GenericExecuteSpec bindEvent(DatabaseClient.GenericExecuteSpec statement,
			CampaignEvent event) {
		return statement.bind("outboxEventId", event.eventId())
			.bind("outboxTopic", event.topic())
			.bind("outboxKey", event.workerId().toString())
			.bind("outboxType", event.getClass().getSimpleName())
			.bind("outboxPayload", json.writeValueAsString(event));
	}
}
