package org.netsecweek.reporting.report;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The raw counts of a campaign per union, as the live counters or the facts give them, before they are laid out as
 * the report. Mutable while it is being filled; read by {@link ReportTable}.
 */
final class Figures {

	private final Map<String, OfUnion> unions = new TreeMap<>();

	OfUnion union(String unionId) {
		return unions.computeIfAbsent(unionId, id -> new OfUnion());
	}

	OfUnion unionOrEmpty(String unionId) {
		return unions.getOrDefault(unionId, new OfUnion());
	}

	/** One union's counts. */
	static final class OfUnion {

		long organisationsActive;

		long workersCovered;

		long draws;

		long prizesGiven;

		final Map<LocalDate, OfDay> days = new TreeMap<>();

		/** Per question id: category, answered, correct. */
		final Map<String, Question> questions = new TreeMap<>();

		OfDay day(LocalDate day) {
			return days.computeIfAbsent(day, d -> new OfDay());
		}

		void question(String id, String category, long answered, long correct) {
			Question question = questions.computeIfAbsent(id, q -> new Question(category));
			question.answered += answered;
			question.correct += correct;
		}
	}

	/** One union's counts on one campaign day. */
	static final class OfDay {

		long attempts;

		long organisationsActive;

		long correctAnswers;

		long questionsAnswered;

		long offlineActivities;

		long offlineParticipants;
	}

	static final class Question {

		final String category;

		long answered;

		long correct;

		Question(String category) {
			this.category = category;
		}
	}
}
