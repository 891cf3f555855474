package org.netsecweek.quiz.bank;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * The questions with their keys, served from an in-memory copy of the bank in PostgreSQL. {@link BankSync} loads
 * the copy at start-up and replaces it, whole and at once, after an import here or on another instance. Reads never
 * touch the database, so papers and grading stay synchronous.
 */
@Component
public class QuestionBank {

	private final AtomicReference<Snapshot> current = new AtomicReference<>(Snapshot.of(-1, List.of(), List.of()));

	QuestionBank() {
	}

	/** The question with that id, also if an import has since removed it from the bank (papers may still name it). */
	public Optional<Question> find(String id) {
		return Optional.ofNullable(current.get().byId().get(id));
	}

	/** The questions of a category, or all of them for {@code null}, in the bank's order; removed ones excluded. */
	public List<Question> questions(String category) {
		return current.get().active().stream().filter(q -> category == null || q.category().equals(category)).toList();
	}

	/** The version of the bank this copy holds. */
	public long version() {
		return current.get().version();
	}

	/** Installs a newer copy; an older or equal one is ignored, so a slow load never undoes a newer one. */
	void replace(Snapshot snapshot) {
		current.accumulateAndGet(snapshot, (held, offered) -> offered.version() > held.version() ? offered : held);
	}

	/**
	 * The bank at one version.
	 *
	 * @param active the questions papers are drawn from, in the bank's order
	 * @param byId every question by id, the retired ones too
	 */
	record Snapshot(long version, List<Question> active, Map<String, Question> byId) {

		static Snapshot of(long version, List<Question> active, List<Question> retired) {
			Map<String, Question> byId = new LinkedHashMap<>();
			retired.forEach(q -> byId.put(q.id(), q));
			active.forEach(q -> byId.put(q.id(), q));
			return new Snapshot(version, List.copyOf(active), Map.copyOf(byId));
		}
	}
}
