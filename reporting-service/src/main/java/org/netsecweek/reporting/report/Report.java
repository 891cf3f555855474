package org.netsecweek.reporting.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

/**
 * A campaign's progress in the layout of its allocation table: one row per union, in the table's order, and the
 * total row. Live while the campaign runs; frozen at the report deadline (then {@code asOf} says up to when events
 * were received). Its canonical JSON is what a snapshot stores and hashes.
 *
 * @param deadline when every union must report, in the campaign's time zone ({@code 2022-09-12T10:00:00+08:00})
 * @param frozen whether this is the snapshot taken at the deadline
 * @param asOf for a snapshot: events received up to this instant (ISO-8601) count; {@code null} when live
 * @param unions the rows the caller may see
 * @param total the sum of those rows
 */
public record Report(String campaignId, String campaignName, String deadline, boolean frozen, String asOf,
		List<Row> unions, Row total) {

	/** The same report with only the unions the caller may see, and their total. */
	public Report visibleTo(Predicate<String> visible) {
		List<Row> rows = unions.stream().filter(row -> visible.test(row.unionId())).toList();
		return new Report(campaignId, campaignName, deadline, frozen, asOf, rows,
				rows.size() == unions.size() ? total : ReportTable.total(rows));
	}

	/** The same report without the per-question lists (categories stay), for a compact progress document. */
	public Report withoutQuestions() {
		return new Report(campaignId, campaignName, deadline, frozen, asOf,
				unions.stream().map(Row::withoutQuestions).toList(), total.withoutQuestions());
	}

	/**
	 * One union (or the total) with its targets and what was reached.
	 *
	 * @param unionId the union's id; {@code null} on the total row
	 * @param organisationsActive grassroots organisations where a worker took the quiz or an offline activity was
	 * recorded
	 * @param organisationsRate organisationsActive / targetOrganisations, 4 decimals; 0 when the target is 0
	 * @param workersCovered distinct workers who took at least one quiz
	 * @param workersRate workersCovered / targetWorkers, 4 decimals; 0 when the target is 0
	 * @param attempts papers answered (at most one per worker and day)
	 * @param correctAnswers correct answers over all papers
	 * @param averageScore correct answers per paper, 2 decimals
	 * @param accuracy correct answers / questions answered, 4 decimals
	 * @param draws draws that took place
	 * @param prizesGiven draws that won a prize
	 * @param days one entry per campaign day, in order
	 * @param categories accuracy per question category, by category
	 * @param questions accuracy per question, by question id
	 */
	public record Row(String unionId, String name, long targetOrganisations, long organisationsActive,
			BigDecimal organisationsRate, long targetWorkers, long workersCovered, BigDecimal workersRate,
			long attempts, long correctAnswers, long questionsAnswered, BigDecimal averageScore, BigDecimal accuracy, long offlineActivities,
			long offlineParticipants, long draws, long prizesGiven, List<Day> days, List<Accuracy> categories,
			List<Accuracy> questions) {

		Row withoutQuestions() {
			return new Row(unionId, name, targetOrganisations, organisationsActive, organisationsRate, targetWorkers,
					workersCovered, workersRate, attempts, correctAnswers, questionsAnswered, averageScore, accuracy,
					offlineActivities, offlineParticipants, draws, prizesGiven, days, categories, List.of());
		}
	}

	/**
	 * One campaign day.
	 *
	 * @param organisationsActive organisations with a quiz or an offline activity that day
	 * @param organisationsRate that day's organisations / the union's target
	 * @param workers workers who took the quiz that day (one paper each)
	 * @param workersRate that day's workers / the union's target
	 */
	public record Day(LocalDate day, long organisationsActive, BigDecimal organisationsRate, long workers,
			BigDecimal workersRate, long correctAnswers, BigDecimal averageScore, long offlineActivities,
			long offlineParticipants) {
	}

	/**
	 * How well a question or a category was answered.
	 *
	 * @param id the question id, or the category on a category entry
	 * @param category the question's category
	 */
	public record Accuracy(String id, String category, long answered, long correct, BigDecimal accuracy) {
	}
}
