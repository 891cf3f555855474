package org.netsecweek.scoring.leaderboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.netsecweek.platform.campaign.CampaignDefinition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

/** Rankings over the totals (indexes {@code points_total_board} and {@code points_total_union_board}). */
@Component
class Leaderboards {

	private final DatabaseClient db;

	Leaderboards(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * The top workers by points, province-wide or in one union. Ties share a rank (1, 2, 2, 4); among equals the
	 * one who reached the total first comes first.
	 */
	Flux<Ranked> top(String campaignId, String unionId, int limit) {
		String board = "%1$s.campaign_id = :campaign AND %1$s.total > 0 "
				+ "AND (CAST(:union AS text) IS NULL OR %1$s.union_id = :union)";
		// the rank is counted for the listed rows only, over the board's index: a board of a million stays fast
		return db.sql("SELECT t.worker_id, t.union_id, t.total, (SELECT count(*) FROM points_total b WHERE "
				+ board.formatted("b") + " AND b.total > t.total) + 1 AS rank "
				+ "FROM (SELECT * FROM points_total p WHERE " + board.formatted("p")
				+ " ORDER BY p.total DESC, p.updated_at, p.worker_id LIMIT :limit) t "
				+ "ORDER BY t.total DESC, t.updated_at, t.worker_id")
			.bind("campaign", campaignId)
			.bind("union", Parameter.fromOrEmpty(unionId, String.class))
			.bind("limit", limit)
			.map(row -> new Ranked(row.get("rank", Long.class).intValue(), row.get("worker_id", UUID.class),
					row.get("union_id", String.class), row.get("total", Integer.class)))
			.all();
	}

	/** Every union of the campaign with its workers who have points, their points and the average, best first. */
	Mono<List<UnionStanding>> unions(CampaignDefinition campaign) {
		return db.sql("SELECT union_id, count(*) AS workers, sum(total) AS points FROM points_total "
				+ "WHERE campaign_id = :campaign GROUP BY union_id")
			.bind("campaign", campaign.id())
			.map(row -> new Object[] { row.get("union_id", String.class), row.get("workers", Long.class),
					((Number) row.get("points")).longValue() })
			.all()
			.collectMap(row -> String.valueOf(row[0]), Function.identity())
			.map(rows -> standings(campaign, rows));
	}

	private static List<UnionStanding> standings(CampaignDefinition campaign, Map<String, Object[]> rows) {
		return campaign.unions().stream().map(union -> {
			Object[] row = rows.get(union.id());
			long workers = row == null ? 0 : (Long) row[1];
			long points = row == null ? 0 : (Long) row[2];
			BigDecimal average = workers == 0 ? BigDecimal.ZERO.setScale(2)
					: BigDecimal.valueOf(points).divide(BigDecimal.valueOf(workers), 2, RoundingMode.HALF_UP);
			return new UnionStanding(union.id(), union.name(), workers, points, average);
		})
			.sorted((a, b) -> b.averagePoints().compareTo(a.averagePoints()))
			.collect(Collectors.toList());
	}

	/** A worker's place; {@code workerId} is pseudonymous. */
	record Ranked(int rank, UUID workerId, String unionId, int points) {
	}

	/**
	 * A union's standing.
	 *
	 * @param workers workers of the union with a total (took part and were booked)
	 * @param averagePoints points per such worker, to 2 decimals
	 */
	record UnionStanding(String unionId, String name, long workers, long points, BigDecimal averagePoints) {
	}
}
