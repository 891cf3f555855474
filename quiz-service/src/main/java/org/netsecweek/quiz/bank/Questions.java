package org.netsecweek.quiz.bank;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The bank in PostgreSQL: its questions in the bank's order and its version. A question an import removes is
 * retired, never deleted, so papers and attempts that name it still find it.
 */
@Component
class Questions {

	/** Advisory lock id of the bank: "question" in ASCII. Imports take it exclusively, pinning a paper shared. */
	private static final long LOCK_ID = 0x7175657374696f6eL;

	private final DatabaseClient db;

	Questions(DatabaseClient db) {
		this.db = db;
	}

	/** The whole bank at one version, read in one statement. */
	Mono<QuestionBank.Snapshot> load() {
		return db.sql("SELECT b.version, q.id, q.category, q.type, q.stem, q.option_keys, q.option_texts, q.answer, "
				+ "q.explanation, q.basis, q.retired_at IS NOT NULL AS retired FROM question_bank b "
				+ "LEFT JOIN question q ON true ORDER BY q.position, q.id")
			.map(row -> {
				String id = row.get("id", String.class);
				Question question = id == null ? null : new Question(id, row.get("category", String.class),
						QuestionType.valueOf(row.get("type", String.class)), row.get("stem", String.class),
						options(row.get("option_keys", String[].class), row.get("option_texts", String[].class)),
						Set.of(row.get("answer", String[].class)), row.get("explanation", String.class),
						row.get("basis", String.class));
				return new Stored(row.get("version", Long.class), question, Boolean.TRUE.equals(row.get("retired")));
			})
			.all()
			.collectList()
			.map(rows -> {
				List<Question> active = new ArrayList<>();
				List<Question> retired = new ArrayList<>();
				rows.stream()
					.filter(r -> r.question() != null)
					.forEach(r -> (r.retired() ? retired : active).add(r.question()));
				return QuestionBank.Snapshot.of(rows.get(0).version(), active, retired);
			});
	}

	Mono<Long> version() {
		return db.sql("SELECT version FROM question_bank").map(row -> row.get("version", Long.class)).one();
	}

	/** How many questions the database holds, retired ones included. */
	Mono<Long> count() {
		return db.sql("SELECT count(*) AS n FROM question").map(row -> row.get("n", Long.class)).one();
	}

	/** Until the transaction ends, no import can commit. */
	Mono<Void> lockShared() {
		return db.sql("SELECT pg_advisory_xact_lock_shared(" + LOCK_ID + ")").then();
	}

	/** Until the transaction ends, no other import commits and no paper is pinned. */
	Mono<Void> lockExclusive() {
		return db.sql("SELECT pg_advisory_xact_lock(" + LOCK_ID + ")").then();
	}

	/**
	 * Makes {@code bank} the bank: writes the questions named in {@code write}, puts all in the bank's order,
	 * retires those not in it and raises the version. Call in a transaction holding the exclusive lock.
	 *
	 * @return the new version
	 */
	Mono<Long> replace(List<Question> bank, Set<String> write, String by, Instant now) {
		String[] ids = bank.stream().map(Question::id).toArray(String[]::new);
		Integer[] positions = IntStream.rangeClosed(1, ids.length).boxed().toArray(Integer[]::new);
		return Flux.fromIterable(bank)
			.index()
			.filter(indexed -> write.contains(indexed.getT2().id()))
			.concatMap(indexed -> upsert(indexed.getT2(), indexed.getT1().intValue() + 1, now))
			.then(db.sql("UPDATE question q SET position = p.position FROM unnest(CAST(:ids AS text[]), "
					+ "CAST(:positions AS int[])) AS p(id, position) WHERE q.id = p.id AND q.position <> p.position")
				.bind("ids", ids)
				.bind("positions", positions)
				.then())
			.then(db.sql("UPDATE question SET retired_at = :now, updated_at = :now WHERE retired_at IS NULL "
					+ "AND NOT (id = ANY(:ids))")
				.bind("now", now)
				.bind("ids", ids)
				.then())
			.then(db.sql("UPDATE question_bank SET version = version + 1, updated_at = :now, updated_by = :by "
					+ "RETURNING version")
				.bind("now", now)
				.bind("by", by)
				.map(row -> row.get("version", Long.class))
				.one());
	}

	private Mono<Void> upsert(Question q, int position, Instant now) {
		return db.sql("INSERT INTO question (id, position, category, type, stem, option_keys, option_texts, answer, "
				+ "explanation, basis, retired_at, updated_at) VALUES (:id, :position, :category, :type, :stem, :keys, "
				+ ":texts, :answer, :explanation, :basis, NULL, :now) ON CONFLICT (id) DO UPDATE SET "
				+ "position = EXCLUDED.position, category = EXCLUDED.category, type = EXCLUDED.type, "
				+ "stem = EXCLUDED.stem, option_keys = EXCLUDED.option_keys, option_texts = EXCLUDED.option_texts, "
				+ "answer = EXCLUDED.answer, explanation = EXCLUDED.explanation, basis = EXCLUDED.basis, "
				+ "retired_at = NULL, updated_at = EXCLUDED.updated_at")
			.bind("id", q.id())
			.bind("position", position)
			.bind("category", q.category())
			.bind("type", q.type().name())
			.bind("stem", q.stem())
			.bind("keys", q.options().keySet().toArray(String[]::new))
			.bind("texts", q.options().values().toArray(String[]::new))
			.bind("answer", q.answer().stream().sorted().toArray(String[]::new))
			.bind("explanation", q.explanation())
			.bind("basis", q.basis())
			.bind("now", now)
			.then();
	}

	private static Map<String, String> options(String[] keys, String[] texts) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < keys.length; i++) {
			options.put(keys[i], texts[i]);
		}
		return options;
	}

	private record Stored(long version, Question question, boolean retired) {
	}
}
