package org.netsecweek.events.quiz;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.netsecweek.events.CampaignEvent;
import org.netsecweek.events.Topics;

/**
 * A worker's graded daily paper, stored by quiz-service. At most one per worker and campaign day.
 *
 * @param attemptId the attempt's id: scoring books points once per attempt id
 * @param unionId the worker's union (allocation-table id, e.g. {@code harbin})
 * @param orgId the worker's grassroots union organisation
 * @param campaignDay the day in the campaign's time zone the paper belongs to (not the processing time)
 * @param results one entry per question, in paper order
 * @param answeringMillis time from fetching the paper to submitting it, as measured by quiz-service
 */
public record AnswerSubmitted(UUID eventId, Instant occurredAt, String campaignId, int schemaVersion, UUID workerId,
		UUID attemptId, String unionId, String orgId, LocalDate campaignDay, List<QuestionResult> results,
		int correctCount, int questionCount, long answeringMillis) implements CampaignEvent {

	public static final int SCHEMA_VERSION = 1;

	public AnswerSubmitted {
		results = results == null ? List.of() : List.copyOf(results);
	}

	@Override
	public String topic() {
		return Topics.ANSWER_SUBMITTED;
	}

	/** The outcome of one question of the paper. */
	public record QuestionResult(String questionId, String category, boolean correct) {
	}
}
