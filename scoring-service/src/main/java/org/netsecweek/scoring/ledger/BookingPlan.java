package org.netsecweek.scoring.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.platform.campaign.CampaignDefinition;

/**
 * What a batch of new AnswerSubmitted events does to the ledger, decided in offset order against what the ledger
 * already holds: each event is booked, held for review, not booked because it breaks a rule, or has no effect (an
 * attempt already seen). Pure logic; {@link Bookkeeper} reads the state and writes the plan.
 */
final class BookingPlan {

	static final String RELEASED_ON_REBUILD = "（复核放行，自 points-awarded 重建）";

	final List<Reject> rejects = new ArrayList<>();

	final List<Hold> holds = new ArrayList<>();

	final List<Booking> bookings = new ArrayList<>();

	private BookingPlan() {
	}

	/**
	 * @param campaigns the campaign of an id, or {@code null} when unknown
	 * @param state the ledger's state for the batch's workers, updated as the plan goes
	 * @param holdFastPapers whether the fast-paper rule holds papers
	 * @param released attempts an admin released after review (a rebuild finds them in points-awarded): booked
	 * instead of held
	 */
	static BookingPlan of(List<AnswerSubmitted> events, Function<String, CampaignDefinition> campaigns, State state,
			boolean holdFastPapers, Set<UUID> released) {
		BookingPlan plan = new BookingPlan();
		for (AnswerSubmitted answer : events) {
			requireComplete(answer);
			CampaignDefinition campaign = campaigns.apply(answer.campaignId());
			if (campaign == null) {
				plan.rejects.add(new Reject(answer, "unknown-campaign"));
				continue;
			}
			if (!state.seen.add(answer.attemptId())) {
				continue; // the same attempt under another event id: no second effect
			}
			List<Instant> earlier = state.submitted.computeIfAbsent(new WorkerKey(answer.campaignId(), answer.workerId()),
					key -> new ArrayList<>());
			Instant at = answer.occurredAt();
			String broken = brokenRule(answer, campaign.rules(), state);
			if (broken != null) {
				earlier.add(at);
				plan.rejects.add(new Reject(answer, broken));
				continue;
			}
			String fast = holdFastPapers ? ReviewRules.fastPaper(answer, campaign) : null;
			String burst = ReviewRules.burst(earlier, at, campaign.review());
			earlier.add(at);
			String suspicion = fast == null ? burst : burst == null ? fast : fast + "；" + burst;
			boolean release = suspicion != null && released.contains(answer.attemptId());
			if (suspicion != null) {
				plan.holds.add(new Hold(answer, suspicion, release));
				if (!release) {
					continue;
				}
			}
			state.bookedDays.put(new DayKey(answer.campaignId(), answer.workerId(), answer.campaignDay()),
					answer.attemptId());
			plan.bookings.add(Booking.of(answer, campaign, release ? RELEASED_ON_REBUILD : ""));
		}
		return plan;
	}

	/** An event without the ids and day the ledger is keyed by cannot be booked, held or recorded: a dead letter. */
	private static void requireComplete(AnswerSubmitted answer) {
		if (answer.eventId() == null || answer.workerId() == null || answer.attemptId() == null
				|| answer.campaignDay() == null || answer.occurredAt() == null || answer.campaignId() == null) {
			throw new IllegalArgumentException("AnswerSubmitted " + answer.eventId() + " lacks an id, day or time");
		}
	}

	private static String brokenRule(AnswerSubmitted answer, CampaignDefinition.Rules rules, State state) {
		if (answer.correctCount() < 0 || answer.questionCount() <= 0) {
			return "negative-counts";
		}
		if (answer.correctCount() > answer.questionCount()) {
			return "more-correct-than-questions";
		}
		if (answer.questionCount() > rules.questionsPerPaper()) {
			return "more-questions-than-a-paper";
		}
		UUID booked = state.bookedDays.get(new DayKey(answer.campaignId(), answer.workerId(), answer.campaignDay()));
		if (booked != null && !booked.equals(answer.attemptId())) {
			return "second-attempt-same-day";
		}
		return null;
	}

	/**
	 * What the ledger holds for the batch's workers.
	 *
	 * @param seen attempt ids submitted before (any worker)
	 * @param bookedDays the attempt booked for a worker's campaign day
	 * @param submitted times of each worker's recent submissions, for the burst rule
	 */
	record State(Set<UUID> seen, Map<DayKey, UUID> bookedDays, Map<WorkerKey, List<Instant>> submitted) {

		static State empty() {
			return new State(new HashSet<>(), new HashMap<>(), new HashMap<>());
		}
	}

	record WorkerKey(String campaignId, UUID workerId) {
	}

	record DayKey(String campaignId, UUID workerId, LocalDate day) {
	}

	record Reject(AnswerSubmitted answer, String reason) {
	}

	/** @param released booked at once, as an admin released it before (a rebuild) */
	record Hold(AnswerSubmitted answer, String reason, boolean released) {
	}

	/** An attempt to book: its points by the campaign's rules and the reason the worker reads. */
	record Booking(AnswerSubmitted answer, int points, String reason, CampaignDefinition.Rules rules) {

		static Booking of(AnswerSubmitted answer, CampaignDefinition campaign, String note) {
			return new Booking(answer, answer.correctCount() * campaign.rules().pointsPerCorrectAnswer(),
					answer.campaignDay() + " 答题 " + answer.correctCount() + "/" + answer.questionCount() + " 题正确"
							+ note,
					campaign.rules());
		}

		WorkerKey worker() {
			return new WorkerKey(answer.campaignId(), answer.workerId());
		}
	}
}
