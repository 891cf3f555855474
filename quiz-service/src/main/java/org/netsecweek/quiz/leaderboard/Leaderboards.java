package org.netsecweek.quiz.leaderboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.quiz.privacy.Masks;
import org.netsecweek.quiz.privacy.PersonalData;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

/**
 * Rankings over the balances (the totals scoring-service announced), joined with the workers who agreed to be shown.
 * Only the names on a board are decrypted, and only to be masked at once.
 */
@Component
class Leaderboards {

	/** Workers on a board, among those with points, who registered and did not opt out. */
	private static final String SHOWN = "%1$s.campaign_id = :campaign AND %1$s.total > 0 AND %2$s.on_leaderboard "
			+ "AND %2$s.name_sealed IS NOT NULL AND (CAST(:union AS text) IS NULL OR %2$s.union_id = :union)";

	private final DatabaseClient db;

	private final PersonalData personalData;

	Leaderboards(DatabaseClient db, PersonalData personalData) {
		this.db = db;
		this.personalData = personalData;
	}

	/** The top {@code size} of a campaign, of one union or all ({@code unionId} null). */
	Mono<List<Leaderboard.Entry>> top(CampaignDefinition campaign, String unionId, int size) {
		return db.sql("SELECT b.total, w.union_id, w.name_sealed, (SELECT count(*) FROM balance b2 JOIN worker w2 "
				+ "ON w2.id = b2.worker_id WHERE " + SHOWN.formatted("b2", "w2")
				+ " AND b2.total > b.total) + 1 AS rank FROM balance b JOIN worker w ON w.id = b.worker_id WHERE "
				+ SHOWN.formatted("b", "w") + " ORDER BY b.total DESC, b.updated_at, b.worker_id LIMIT :size")
			.bind("campaign", campaign.id())
			.bind("union", Parameter.fromOrEmpty(unionId, String.class))
			.bind("size", size)
			.map(row -> new Leaderboard.Entry(row.get("rank", Long.class).intValue(),
					Masks.name(personalData.open(row.get("name_sealed", byte[].class))),
					campaign.union(row.get("union_id", String.class)).map(CampaignDefinition.Union::name).orElse(""),
					row.get("total", Integer.class)))
			.all()
			.collectList();
	}

	/** The worker's own place among those shown (counting themselves), whether or not they are shown. */
	Mono<Leaderboard.Me> me(String campaignId, UUID workerId, String unionId) {
		return db.sql("SELECT w.on_leaderboard, coalesce(b.total, 0) AS total, (SELECT count(*) FROM balance b2 "
				+ "JOIN worker w2 ON w2.id = b2.worker_id WHERE " + SHOWN.formatted("b2", "w2")
				+ " AND b2.total > coalesce(b.total, 0) AND b2.worker_id <> w.id) + 1 AS rank FROM worker w "
				+ "LEFT JOIN balance b ON b.worker_id = w.id AND b.campaign_id = :campaign WHERE w.id = :worker")
			.bind("campaign", campaignId)
			.bind("union", Parameter.fromOrEmpty(unionId, String.class))
			.bind("worker", workerId)
			.map(row -> {
				int total = row.get("total", Integer.class);
				return new Leaderboard.Me(total > 0 ? row.get("rank", Long.class).intValue() : null, total,
						row.get("on_leaderboard", Boolean.class));
			})
			.one();
	}

	/** Each union of the campaign: workers with points and their average, best first. */
	Mono<List<Leaderboard.UnionAverage>> unions(CampaignDefinition campaign) {
		return db.sql("SELECT w.union_id, count(*) AS workers, sum(b.total) AS points FROM balance b "
				+ "JOIN worker w ON w.id = b.worker_id WHERE b.campaign_id = :campaign AND b.total > 0 GROUP BY w.union_id")
			.bind("campaign", campaign.id())
			.map(row -> Map.entry(row.get("union_id", String.class),
					new long[] { row.get("workers", Long.class), ((Number) row.get("points")).longValue() }))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.map(rows -> campaign.unions().stream().map(union -> {
				long[] row = rows.getOrDefault(union.id(), new long[] { 0, 0 });
				BigDecimal average = row[0] == 0 ? BigDecimal.ZERO.setScale(2)
						: BigDecimal.valueOf(row[1]).divide(BigDecimal.valueOf(row[0]), 2, RoundingMode.HALF_UP);
				return new Leaderboard.UnionAverage(union.id(), union.name(), row[0], average);
			}).sorted((a, b) -> b.averagePoints().compareTo(a.averagePoints())).toList());
	}

	/** The union a registered worker belongs to. */
	Mono<String> unionOf(UUID workerId) {
		return db.sql("SELECT union_id FROM worker WHERE id = :worker AND registered_at IS NOT NULL")
			.bind("worker", workerId)
			.map(row -> row.get("union_id", String.class))
			.one();
	}

	/** Shows or hides the worker on the boards. */
	Mono<Boolean> show(UUID workerId, boolean shown) {
		return db.sql("UPDATE worker SET on_leaderboard = :shown WHERE id = :worker")
			.bind("shown", shown)
			.bind("worker", workerId)
			.fetch()
			.rowsUpdated()
			.map(rows -> rows == 1);
	}
}
