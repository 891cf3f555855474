package org.netsecweek.lottery.winner;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

/** Prize draws with their value and delivery, read from the draws, the pool and the delivery records. */
@Component
class Winners {

	private static final String SELECT = "SELECT d.draw_id, d.campaign_id, d.worker_id, d.union_id, d.org_id, "
			+ "d.prize_id, d.prize_name, p.value, d.completed_at, d.redemption_code, x.delivered_at, x.delivered_by, "
			+ "x.role, x.via, x.note FROM draw d "
			+ "LEFT JOIN prize p ON p.campaign_id = d.campaign_id AND p.prize_id = d.prize_id "
			+ "LEFT JOIN prize_delivery x ON x.draw_id = d.draw_id WHERE d.status = 'PRIZE' ";

	private final DatabaseClient db;

	Winners(DatabaseClient db) {
		this.db = db;
	}

	/** A page of a campaign's winners (of one union, or all for {@code null}), in the order they won. */
	Flux<Winner> page(String campaignId, String unionId, int page, int size) {
		return db.sql(SELECT + "AND d.campaign_id = :campaign AND (CAST(:union AS text) IS NULL OR d.union_id = :union) "
				+ "ORDER BY d.completed_at, d.draw_id LIMIT :size OFFSET :offset")
			.bind("campaign", campaignId)
			.bind("union", Parameter.fromOrEmpty(unionId, String.class))
			.bind("size", size)
			.bind("offset", (long) page * size)
			.map(Winners::winner)
			.all();
	}

	Mono<Long> count(String campaignId, String unionId) {
		return db.sql("SELECT count(*) AS n FROM draw d WHERE d.status = 'PRIZE' AND d.campaign_id = :campaign "
				+ "AND (CAST(:union AS text) IS NULL OR d.union_id = :union)")
			.bind("campaign", campaignId)
			.bind("union", Parameter.fromOrEmpty(unionId, String.class))
			.map(row -> row.get("n", Long.class))
			.one();
	}

	Mono<Winner> byDraw(UUID drawId) {
		return db.sql(SELECT + "AND d.draw_id = :draw").bind("draw", drawId).map(Winners::winner).one();
	}

	Mono<Winner> byCode(String redemptionCode) {
		return db.sql(SELECT + "AND d.redemption_code = :code").bind("code", redemptionCode).map(Winners::winner).one();
	}

	/** Records the hand-over unless one is recorded already; emits whether this call recorded it. */
	Mono<Boolean> recordDelivery(UUID drawId, Winner.Delivery delivery) {
		return db.sql("INSERT INTO prize_delivery (draw_id, delivered_at, delivered_by, role, via, note) "
				+ "VALUES (:draw, :at, :by, :role, :via, :note) ON CONFLICT (draw_id) DO NOTHING")
			.bind("draw", drawId)
			.bind("at", delivery.deliveredAt())
			.bind("by", delivery.deliveredBy())
			.bind("role", delivery.role())
			.bind("via", delivery.via())
			.bind("note", Parameter.fromOrEmpty(delivery.note(), String.class))
			.fetch()
			.rowsUpdated()
			.map(rows -> rows == 1);
	}

	private static Winner winner(Readable row) {
		Instant deliveredAt = row.get("delivered_at", Instant.class);
		return new Winner(row.get("draw_id", UUID.class), row.get("campaign_id", String.class),
				row.get("worker_id", UUID.class), row.get("union_id", String.class), row.get("org_id", String.class),
				row.get("prize_id", String.class), row.get("prize_name", String.class),
				row.get("value", BigDecimal.class), row.get("completed_at", Instant.class),
				row.get("redemption_code", String.class),
				deliveredAt == null ? null : new Winner.Delivery(deliveredAt, row.get("delivered_by", String.class),
						row.get("role", String.class), row.get("via", String.class), row.get("note", String.class)));
	}
}
