package org.netsecweek.scoring.integrity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.netsecweek.platform.campaign.CampaignDefinition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Checks a campaign's ledger against the rules that must always hold, each as one query over the whole campaign:
 * <ul>
 * <li>{@code total-differs-from-ledger}: a worker's total is not the sum of their entries (or entries have no
 * total);</li>
 * <li>{@code sequence-differs-from-ledger}: a total's change counter is not the number of entries;</li>
 * <li>{@code entry-breaks-rules}: a booked attempt's points are not its correct answers times the points per correct
 * answer, it claims more correct answers than questions or more questions than a paper, or its day is outside the
 * campaign;</li>
 * <li>{@code entry-without-accepted-attempt}: an attempt is booked although it is held for review or was
 * rejected;</li>
 * <li>{@code draws-beyond-points}: the worker used more draws than their total earns.</li>
 * </ul>
 */
@Component
class IntegrityCheck {

	/** Problems listed by name in a report; the counts cover all of them. */
	static final int LISTED = 100;

	private final DatabaseClient db;

	private final Clock clock;

	IntegrityCheck(DatabaseClient db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	Mono<IntegrityReport> run(CampaignDefinition campaign) {
		CampaignDefinition.Rules rules = campaign.rules();
		Map<String, String> checks = new LinkedHashMap<>();
		checks.put("total-differs-from-ledger", """
				SELECT coalesce(t.worker_id, e.worker_id) AS worker_id,
				       'total ' || coalesce(t.total::text, 'missing') || ', ledger sum ' || coalesce(e.points, 0) AS detail
				FROM (SELECT * FROM points_total WHERE campaign_id = :campaign) t
				FULL JOIN (SELECT worker_id, sum(points) AS points FROM ledger_entry WHERE campaign_id = :campaign
				           GROUP BY worker_id) e ON e.worker_id = t.worker_id
				WHERE t.total IS DISTINCT FROM coalesce(e.points, 0)""");
		checks.put("sequence-differs-from-ledger", """
				SELECT t.worker_id, 'sequence ' || t.sequence || ', entries ' || count(e.id) AS detail
				FROM points_total t LEFT JOIN ledger_entry e ON e.campaign_id = t.campaign_id AND e.worker_id = t.worker_id
				WHERE t.campaign_id = :campaign GROUP BY t.worker_id, t.sequence HAVING t.sequence <> count(e.id)""");
		checks.put("entry-breaks-rules", """
				SELECT worker_id, 'attempt ' || attempt_id || ' on ' || campaign_day || ': ' || points || ' points for '
				       || correct_count || '/' || question_count || ' correct' AS detail
				FROM ledger_entry WHERE campaign_id = :campaign AND kind = 'ATTEMPT' AND (
				    points <> correct_count * :perCorrect OR correct_count > question_count
				    OR question_count > :perPaper OR campaign_day < :startsOn OR campaign_day > :endsOn)""");
		checks.put("entry-without-accepted-attempt", """
				SELECT e.worker_id, 'attempt ' || e.attempt_id || ' is booked but '
				       || CASE WHEN h.decision IS NULL THEN 'held for review' ELSE 'rejected in review' END AS detail
				FROM ledger_entry e JOIN held_attempt h ON h.attempt_id = e.attempt_id
				WHERE e.campaign_id = :campaign AND (h.decision IS NULL OR h.decision = 'REJECTED')""");
		checks.put("draws-beyond-points", """
				SELECT t.worker_id, 'used ' || count(d.draw_id) || ' draws, total ' || t.total || ' earns '
				       || t.total / :perDraw AS detail
				FROM points_total t JOIN draw_spent d ON d.campaign_id = t.campaign_id AND d.worker_id = t.worker_id
				WHERE t.campaign_id = :campaign GROUP BY t.worker_id, t.total HAVING count(d.draw_id) > t.total / :perDraw""");
		Map<String, Long> counts = new LinkedHashMap<>();
		List<IntegrityReport.Problem> listed = new ArrayList<>();
		return Flux.fromIterable(checks.entrySet())
			.concatMap(check -> bind(check.getValue(), campaign, rules)
				.map(row -> new IntegrityReport.Problem(check.getKey(), row.get("worker_id", UUID.class),
						row.get("detail", String.class)))
				.all()
				.collectList()
				.doOnNext(problems -> {
					counts.put(check.getKey(), (long) problems.size());
					problems.stream().limit(Math.max(0, LISTED - listed.size())).forEach(listed::add);
				}))
			.then(db.sql("SELECT (SELECT count(*) FROM points_total WHERE campaign_id = :campaign) AS workers, "
					+ "(SELECT count(*) FROM ledger_entry WHERE campaign_id = :campaign) AS entries")
				.bind("campaign", campaign.id())
				.map(row -> new long[] { row.get("workers", Long.class), row.get("entries", Long.class) })
				.one())
			.map(sizes -> new IntegrityReport(campaign.id(), clock.instant(), sizes[0], sizes[1],
					counts.values().stream().allMatch(n -> n == 0), counts, listed));
	}

	/** The query with the campaign's figures bound to the parameters it names. */
	private DatabaseClient.GenericExecuteSpec bind(String sql, CampaignDefinition campaign,
			CampaignDefinition.Rules rules) {
		Map<String, Object> values = Map.of("campaign", campaign.id(), "perCorrect", rules.pointsPerCorrectAnswer(),
				"perPaper", rules.questionsPerPaper(), "perDraw", rules.pointsPerDraw(), "startsOn", campaign.startsOn(),
				"endsOn", campaign.endsOn());
		DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
		for (Map.Entry<String, Object> value : values.entrySet()) {
			if (sql.contains(":" + value.getKey())) {
				spec = spec.bind(value.getKey(), value.getValue());
			}
		}
		return spec;
	}
}
