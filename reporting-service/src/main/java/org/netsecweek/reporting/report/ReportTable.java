package org.netsecweek.reporting.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.campaign.CampaignDefinition.Union;
import org.netsecweek.reporting.report.Report.Accuracy;
import org.netsecweek.reporting.report.Report.Day;
import org.netsecweek.reporting.report.Report.Row;

/** Lays the figures out as the allocation table, with rates, days, accuracy and the total row. No Spring, no I/O. */
final class ReportTable {

	static final String TOTAL_NAME = "合计";

	private static final int RATE_SCALE = 4;

	private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

	private ReportTable() {
	}

	/**
	 * Every union of the campaign, in the allocation table's order, and the total.
	 *
	 * @param asOf the snapshot's cut-off, or {@code null} for the live report
	 */
	static Report of(CampaignDefinition campaign, Figures figures, Instant asOf) {
		List<LocalDate> days = campaign.startsOn().datesUntil(campaign.endsOn().plusDays(1)).toList();
		List<Row> rows = campaign.unions().stream().map(union -> row(union, figures.unionOrEmpty(union.id()), days))
			.toList();
		return new Report(campaign.id(), campaign.name(),
				campaign.reportDeadline().atZone(campaign.timeZone()).format(DEADLINE), asOf != null,
				asOf == null ? null : asOf.toString(), rows, total(rows));
	}

	/** actual / target, rounded half-up to 4 decimals; 0 when there is no target. May exceed 1. */
	static BigDecimal rate(long actual, long target) {
		return ratio(actual, target, RATE_SCALE);
	}

	private static BigDecimal ratio(long part, long whole, int scale) {
		if (whole <= 0) {
			return BigDecimal.ZERO.setScale(scale);
		}
		return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), scale, RoundingMode.HALF_UP);
	}

	private static Row row(Union union, Figures.OfUnion figures, List<LocalDate> campaignDays) {
		List<Day> days = new ArrayList<>();
		long attempts = 0;
		long correct = 0;
		long answered = 0;
		long offlineActivities = 0;
		long offlineParticipants = 0;
		for (Map.Entry<LocalDate, Figures.OfDay> entry : withAllDays(figures.days, campaignDays).entrySet()) {
			Figures.OfDay day = entry.getValue();
			days.add(new Day(entry.getKey(), day.organisationsActive,
					rate(day.organisationsActive, union.targetOrganisations()), day.attempts,
					rate(day.attempts, union.targetWorkers()), day.correctAnswers,
					ratio(day.correctAnswers, day.attempts, 2), day.offlineActivities, day.offlineParticipants));
			attempts += day.attempts;
			correct += day.correctAnswers;
			answered += day.questionsAnswered;
			offlineActivities += day.offlineActivities;
			offlineParticipants += day.offlineParticipants;
		}
		List<Accuracy> questions = figures.questions.entrySet()
			.stream()
			.map(q -> accuracy(q.getKey(), q.getValue().category, q.getValue().answered, q.getValue().correct))
			.toList();
		return new Row(union.id(), union.name(), union.targetOrganisations(), figures.organisationsActive,
				rate(figures.organisationsActive, union.targetOrganisations()), union.targetWorkers(),
				figures.workersCovered, rate(figures.workersCovered, union.targetWorkers()), attempts, correct, answered,
				ratio(correct, attempts, 2), ratio(correct, answered, RATE_SCALE), offlineActivities,
				offlineParticipants, figures.draws, figures.prizesGiven, days, categories(questions), questions);
	}

	/** The campaign's days in order, and any other day a fact names (a late or early event), so none is lost. */
	private static Map<LocalDate, Figures.OfDay> withAllDays(Map<LocalDate, Figures.OfDay> days,
			List<LocalDate> campaignDays) {
		Map<LocalDate, Figures.OfDay> all = new TreeMap<>(days);
		campaignDays.forEach(day -> all.putIfAbsent(day, new Figures.OfDay()));
		return all;
	}

	private static Accuracy accuracy(String id, String category, long answered, long correct) {
		return new Accuracy(id, category, answered, correct, ratio(correct, answered, RATE_SCALE));
	}

	private static List<Accuracy> categories(List<Accuracy> questions) {
		Map<String, long[]> byCategory = new TreeMap<>();
		for (Accuracy question : questions) {
			long[] counts = byCategory.computeIfAbsent(question.category(), c -> new long[2]);
			counts[0] += question.answered();
			counts[1] += question.correct();
		}
		return byCategory.entrySet().stream()
			.map(c -> accuracy(c.getKey(), c.getKey(), c.getValue()[0], c.getValue()[1]))
			.toList();
	}

	/** Workers and organisations belong to one union each, so the total row is the sum of the rows. */
	static Row total(List<Row> rows) {
		long targetOrganisations = sum(rows, Row::targetOrganisations);
		long organisations = sum(rows, Row::organisationsActive);
		long targetWorkers = sum(rows, Row::targetWorkers);
		long workers = sum(rows, Row::workersCovered);
		long attempts = sum(rows, Row::attempts);
		Map<LocalDate, long[]> days = new TreeMap<>();
		Map<String, Accuracy> questions = new TreeMap<>();
		for (Row row : rows) {
			for (Day day : row.days()) {
				long[] d = days.computeIfAbsent(day.day(), k -> new long[5]);
				d[0] += day.organisationsActive();
				d[1] += day.workers();
				d[2] += day.correctAnswers();
				d[3] += day.offlineActivities();
				d[4] += day.offlineParticipants();
			}
			for (Accuracy q : row.questions()) {
				questions.merge(q.id(), q, (a, b) -> accuracy(a.id(), a.category(), a.answered() + b.answered(),
						a.correct() + b.correct()));
			}
		}
		List<Accuracy> totalQuestions = List.copyOf(questions.values());
		long correctAnswers = sum(rows, Row::correctAnswers);
		List<Day> totalDays = days.entrySet()
			.stream()
			.map(d -> new Day(d.getKey(), d.getValue()[0], rate(d.getValue()[0], targetOrganisations),
					d.getValue()[1], rate(d.getValue()[1], targetWorkers), d.getValue()[2],
					ratio(d.getValue()[2], d.getValue()[1], 2),
					d.getValue()[3], d.getValue()[4]))
			.toList();
		return new Row(null, TOTAL_NAME, targetOrganisations, organisations, rate(organisations, targetOrganisations),
				targetWorkers, workers, rate(workers, targetWorkers), attempts, correctAnswers,
				sum(rows, Row::questionsAnswered), ratio(correctAnswers, attempts, 2),
				ratio(correctAnswers, sum(rows, Row::questionsAnswered), RATE_SCALE), sum(rows, Row::offlineActivities),
				sum(rows, Row::offlineParticipants), sum(rows, Row::draws), sum(rows, Row::prizesGiven), totalDays,
				categories(totalQuestions), totalQuestions);
	}

	private static long sum(List<Row> rows, ToLongFunction<Row> value) {
		return rows.stream().mapToLong(value).sum();
	}
}
