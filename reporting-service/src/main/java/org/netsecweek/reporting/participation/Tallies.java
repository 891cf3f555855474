package org.netsecweek.reporting.participation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.netsecweek.events.lottery.DrawOutcome;
import org.netsecweek.events.quiz.AnswerSubmitted;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The counter changes of one batch of new facts, summed in memory and written at the end of the batch's
 * transaction. Rows are written in key order, so concurrent batches take their row locks in one order and never
 * deadlock on each other. A row that is new (an organisation's first attempt, its first attempt on a day) adds one
 * to its union's organisations.
 */
final class Tallies {

	private final Map<List<String>, long[]> orgs = new TreeMap<>(Tallies::compare); // campaign, org, union

	private final Map<List<String>, long[]> orgDays = new TreeMap<>(Tallies::compare); // campaign, org, day, union

	private final Map<List<String>, long[]> unionDays = new TreeMap<>(Tallies::compare); // campaign, union, day

	private final Map<List<String>, long[]> unions = new TreeMap<>(Tallies::compare); // campaign, union

	private final Map<List<String>, long[]> questions = new TreeMap<>(Tallies::compare); // campaign, union, q, cat

	private final Map<List<String>, Long> recorded = new TreeMap<>(Tallies::compare); // kind, campaign

	/** A new participation fact: one attempt, and one more covered worker if the worker is new. */
	void answer(AnswerSubmitted answer, boolean newWorker) {
		String campaign = answer.campaignId();
		add(orgs, List.of(campaign, answer.orgId(), answer.unionId()), 1, newWorker ? 1 : 0);
		add(orgDays, List.of(campaign, answer.orgId(), answer.campaignDay().toString(), answer.unionId()), 1);
		add(unionDays, List.of(campaign, answer.unionId(), answer.campaignDay().toString()), 1, 0,
				answer.correctCount(), answer.questionCount());
		add(unions, List.of(campaign, answer.unionId()), newWorker ? 1 : 0, 0, 0, 0);
		for (AnswerSubmitted.QuestionResult result : answer.results()) {
			add(questions, List.of(campaign, answer.unionId(), result.questionId(),
					result.category() == null ? "" : result.category()), 1, result.correct() ? 1 : 0);
		}
		recorded("answer", campaign);
	}

	/** A draw whose union and outcome are now both known. */
	void draw(String campaign, String union, DrawOutcome outcome) {
		add(unions, List.of(campaign, union), 0, 0, outcome == DrawOutcome.REJECTED ? 0 : 1,
				outcome == DrawOutcome.PRIZE ? 1 : 0);
	}

	void recorded(String kind, String campaign) {
		recorded.merge(List.of(kind, campaign), 1L, Long::sum);
	}

	/** New facts by kind and campaign, for the counter incremented once the transaction committed. */
	Map<List<String>, Long> recorded() {
		return recorded;
	}

	/** Writes the counters, in the transaction of the facts. */
	Mono<Void> apply(DatabaseClient db) {
		return upsertOrgs(db).then(upsertOrgDays(db))
			.then(Mono.defer(() -> upsert(db, "union_day_tally", unionDays,
					List.of("campaign_id", "union_id", "campaign_day::date"),
					List.of("attempts", "organisations_by_quiz", "correct_answers", "questions_answered"))))
			.then(Mono.defer(() -> upsert(db, "union_tally", unions, List.of("campaign_id", "union_id"),
					List.of("workers_covered", "organisations_by_quiz", "draws", "prizes"))))
			.then(Mono.defer(() -> upsert(db, "question_tally", questions,
					List.of("campaign_id", "union_id", "question_id", "category"), List.of("answered", "correct"))));
	}

	/** Organisation counters; an organisation seen for the first time counts for its union. */
	private Mono<Void> upsertOrgs(DatabaseClient db) {
		if (orgs.isEmpty()) {
			return Mono.empty();
		}
		return db.sql("""
				INSERT INTO org_tally (campaign_id, org_id, union_id, attempts, workers_covered)
				SELECT c, o, u, a, w FROM unnest(:c::text[], :o::text[], :u::text[], :a::int8[], :w::int8[])
				     WITH ORDINALITY AS t(c, o, u, a, w, n) ORDER BY n
				ON CONFLICT (campaign_id, org_id) DO UPDATE SET attempts = org_tally.attempts + EXCLUDED.attempts,
				    workers_covered = org_tally.workers_covered + EXCLUDED.workers_covered
				RETURNING campaign_id, union_id, (xmax = 0) AS inserted""")
			.bind("c", column(orgs, 0))
			.bind("o", column(orgs, 1))
			.bind("u", column(orgs, 2))
			.bind("a", values(orgs, 0))
			.bind("w", values(orgs, 1))
			.map(row -> Boolean.TRUE.equals(row.get("inserted", Boolean.class))
					? List.of(row.get("campaign_id", String.class), row.get("union_id", String.class)) : List.<String>of())
			.all()
			.filter(key -> !key.isEmpty())
			.doOnNext(key -> add(unions, key, 0, 1, 0, 0))
			.then();
	}

	/** Organisation-day counters; an organisation's first attempt on a day counts for its union that day. */
	private Mono<Void> upsertOrgDays(DatabaseClient db) {
		if (orgDays.isEmpty()) {
			return Mono.empty();
		}
		return db.sql("""
				INSERT INTO org_day_tally (campaign_id, org_id, campaign_day, union_id, attempts)
				SELECT c, o, d::date, u, a FROM unnest(:c::text[], :o::text[], :d::text[], :u::text[], :a::int8[])
				     WITH ORDINALITY AS t(c, o, d, u, a, n) ORDER BY n
				ON CONFLICT (campaign_id, org_id, campaign_day) DO UPDATE
				    SET attempts = org_day_tally.attempts + EXCLUDED.attempts
				RETURNING campaign_id, union_id, campaign_day::text AS day, (xmax = 0) AS inserted""")
			.bind("c", column(orgDays, 0))
			.bind("o", column(orgDays, 1))
			.bind("d", column(orgDays, 2))
			.bind("u", column(orgDays, 3))
			.bind("a", values(orgDays, 0))
			.map(row -> Boolean.TRUE.equals(row.get("inserted", Boolean.class))
					? List.of(row.get("campaign_id", String.class), row.get("union_id", String.class),
							row.get("day", String.class))
					: List.<String>of())
			.all()
			.filter(key -> !key.isEmpty())
			.doOnNext(key -> add(unionDays, key, 0, 1, 0, 0))
			.then();
	}

	/**
	 * Adds the counters to a table keyed by text columns (a key column may carry a cast, e.g.
	 * {@code campaign_day::date}), one statement for all rows, in key order.
	 */
	private static Mono<Void> upsert(DatabaseClient db, String table, Map<List<String>, long[]> rows,
			List<String> keys, List<String> counters) {
		if (rows.isEmpty()) {
			return Mono.empty();
		}
		List<String> keyNames = keys.stream().map(k -> k.replaceAll("::.*", "")).toList();
		StringBuilder select = new StringBuilder();
		StringBuilder unnest = new StringBuilder();
		StringBuilder aliases = new StringBuilder();
		for (int i = 0; i < keys.size(); i++) {
			String cast = keys.get(i).contains("::") ? keys.get(i).substring(keys.get(i).indexOf("::")) : "";
			select.append("k").append(i).append(cast).append(", ");
			unnest.append(":k").append(i).append("::text[], ");
			aliases.append("k").append(i).append(", ");
		}
		List<String> updates = new ArrayList<>();
		for (int i = 0; i < counters.size(); i++) {
			select.append("v").append(i).append(i + 1 < counters.size() ? ", " : "");
			unnest.append(":v").append(i).append("::int8[]").append(i + 1 < counters.size() ? ", " : "");
			aliases.append("v").append(i).append(", ");
			updates.add(counters.get(i) + " = " + table + "." + counters.get(i) + " + EXCLUDED." + counters.get(i));
		}
		String sql = "INSERT INTO " + table + " (" + String.join(", ", keyNames) + ", " + String.join(", ", counters)
				+ ") SELECT " + select + " FROM unnest(" + unnest + ") WITH ORDINALITY AS t(" + aliases
				+ "n) ORDER BY n ON CONFLICT (" + String.join(", ", keyNames) + ") DO UPDATE SET "
				+ String.join(", ", updates);
		DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
		for (int i = 0; i < keys.size(); i++) {
			spec = spec.bind("k" + i, column(rows, i));
		}
		for (int i = 0; i < counters.size(); i++) {
			spec = spec.bind("v" + i, values(rows, i));
		}
		return spec.then();
	}

	private static String[] column(Map<List<String>, long[]> rows, int index) {
		return rows.keySet().stream().map(key -> key.get(index)).toArray(String[]::new);
	}

	private static Long[] values(Map<List<String>, long[]> rows, int index) {
		return rows.values().stream().map(counters -> counters[index]).toArray(Long[]::new);
	}

	private static void add(Map<List<String>, long[]> rows, List<String> key, long... deltas) {
		long[] counters = rows.computeIfAbsent(key, k -> new long[deltas.length]);
		for (int i = 0; i < deltas.length; i++) {
			counters[i] += deltas[i];
		}
	}

	private static int compare(List<String> a, List<String> b) {
		return COMPARATOR.compare(a, b);
	}

	private static final Comparator<List<String>> COMPARATOR = (a, b) -> {
		for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
			int c = a.get(i).compareTo(b.get(i));
			if (c != 0) {
				return c;
			}
		}
		return Integer.compare(a.size(), b.size());
	};
}
