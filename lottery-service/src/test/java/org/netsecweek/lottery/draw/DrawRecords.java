package org.netsecweek.lottery.draw;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.r2dbc.core.DatabaseClient;

/** What the draw tests check, read straight from the service's tables. */
final class DrawRecords {

	private final DatabaseClient db;

	DrawRecords(DatabaseClient db) {
		this.db = db;
	}

	/** How many of the worker's draws are in each status. */
	Map<String, Long> statuses(UUID worker) {
		return db.sql("SELECT status FROM draw WHERE worker_id = :worker")
			.bind("worker", worker)
			.map(row -> row.get("status", String.class))
			.all()
			.collectList()
			.block()
			.stream()
			.collect(Collectors.groupingBy(status -> status, Collectors.counting()));
	}

	long performed(UUID worker) {
		return count("SELECT count(*) AS n FROM draw WHERE worker_id = '" + worker
				+ "' AND status IN ('PRIZE', 'NO_PRIZE')");
	}

	String status(UUID drawId) {
		return db.sql("SELECT status FROM draw WHERE draw_id = :draw")
			.bind("draw", drawId)
			.map(row -> row.get("status", String.class))
			.one()
			.block();
	}

	/** Draws earned and used, zeros for a worker without a row. */
	List<Integer> entitlement(String campaignId, UUID worker) {
		return db.sql("SELECT draws_earned, draws_used FROM entitlement WHERE campaign_id = :campaign "
				+ "AND worker_id = :worker")
			.bind("campaign", campaignId)
			.bind("worker", worker)
			.map(row -> List.of(row.get("draws_earned", Integer.class), row.get("draws_used", Integer.class)))
			.one()
			.defaultIfEmpty(List.of(0, 0))
			.block();
	}

	/** DrawCompleted events in the outbox for the worker. */
	long completionsOf(UUID worker) {
		return count("SELECT count(*) AS n FROM outbox WHERE event_type = 'DrawCompleted' AND message_key = '" + worker
				+ "'");
	}

	/** DrawCompleted events in the outbox for the draw. */
	long completionsOfDraw(UUID drawId) {
		return count("SELECT count(*) AS n FROM outbox WHERE event_type = 'DrawCompleted' AND payload LIKE '%"
				+ drawId + "%'");
	}

	String logHash(UUID drawId) {
		return db.sql("SELECT hash FROM draw_log WHERE draw_id = :draw")
			.bind("draw", drawId)
			.map(row -> row.get("hash", String.class))
			.one()
			.block();
	}

	boolean processed(String consumer, UUID eventId) {
		return count("SELECT count(*) AS n FROM processed_event WHERE consumer = '" + consumer + "' AND event_id = '"
				+ eventId + "'") == 1;
	}

	long count(String sql) {
		return db.sql(sql).map(row -> ((Number) row.get("n")).longValue()).one().block();
	}
}
