package org.netsecweek.quiz.attempt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.quiz.bank.Question;
import org.netsecweek.quiz.paper.CampaignDay;
import org.netsecweek.quiz.paper.Papers;
import org.netsecweek.quiz.paper.Papers.IssuedPaper;
import org.netsecweek.quiz.worker.Worker;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Grades a worker's answers to today's paper, stores the attempt and its AnswerSubmitted event in one statement,
 * and returns the result at once. A repeat of the same submission (same idempotency key) gets the first result; any
 * other second attempt that day is refused, however many arrive at once.
 */
@Component
class SubmitAnswers {

	private final Papers papers;

	private final Attempts attempts;

	private final Clock clock;

	private final MeterRegistry meters;

	SubmitAnswers(Papers papers, Attempts attempts, Clock clock, MeterRegistry meters) {
		this.papers = papers;
		this.attempts = attempts;
		this.clock = clock;
		this.meters = meters;
	}

	/** Emits the graded attempt and whether this call stored it ({@code false}: a repeat). */
	Mono<Submission> submit(UUID workerId, Map<String, Set<String>> answers, String idempotencyKey) {
		return Mono.fromCallable(papers::today)
			.flatMap(day -> papers.sitting(day, workerId)
				.flatMap(found -> grade(day, found.worker(), found.paper(), answers, idempotencyKey)));
	}

	/** Grades against the paper as shown (pinned), or as the bank gives it now if it never was shown. */
	private Mono<Submission> grade(CampaignDay day, Worker worker, Optional<IssuedPaper> issued,
			Map<String, Set<String>> answers, String idempotencyKey) {
		issued.ifPresent(shown -> papers.checkNotExpired(shown.issuedAt()));
		List<Question> paper = issued.map(IssuedPaper::questions).orElseGet(() -> papers.questions(day, worker.id()));
		String misfit = Grading.misfit(paper, answers);
		if (misfit != null) {
			return Mono.error(new AnswersDoNotFitPaper(misfit));
		}
		String key = idempotencyKey != null ? idempotencyKey : fingerprint(answers);
		GradedAttempt graded = Grading.grade(UUID.randomUUID(), day.campaignId(), day.day(), paper, answers,
				day.campaign().rules().pointsPerCorrectAnswer());
		long answeringMillis = issued.map(p -> Duration.between(p.issuedAt(), clock.instant()).toMillis()).orElse(0L);
		return store(day, worker, key, graded, answeringMillis);
	}

	private Mono<Submission> store(CampaignDay day, Worker worker, String key, GradedAttempt graded,
			long answeringMillis) {
		Instant now = clock.instant();
		return attempts.add(worker.id(), key, graded, now, event(worker, graded, answeringMillis, now))
			.flatMap(stored -> stored ? Mono.just(new Submission(graded, true)) : repeatOrRefuse(day, worker.id(), key))
			.doOnNext(submission -> meters
				.counter("quiz.attempts", "campaign", day.campaignId(), "result", submission.stored() ? "stored" : "repeat")
				.increment());
	}

	private Mono<Submission> repeatOrRefuse(CampaignDay day, UUID worker, String key) {
		return attempts.find(day, worker)
			.flatMap(existing -> existing.idempotencyKey().equals(key) ? Mono.just(new Submission(existing.graded(), false))
					: Mono.error(new AttemptAlreadyTaken(existing.graded())));
	}

	private AnswerSubmitted event(Worker worker, GradedAttempt graded, long answeringMillis, Instant now) {
		return new AnswerSubmitted(UUID.randomUUID(), now, graded.campaignId(), AnswerSubmitted.SCHEMA_VERSION,
				worker.id(), graded.attemptId(), worker.unionId(), worker.orgId(), graded.day(),
				graded.results()
					.stream()
					.map(r -> new AnswerSubmitted.QuestionResult(r.questionId(), r.category(), r.correct()))
					.toList(),
				graded.correctCount(), graded.questionCount(), answeringMillis);
	}

	/** Without a client key, the same answers are the same submission (a retried request). */
	static String fingerprint(Map<String, Set<String>> answers) {
		Map<String, Set<String>> canonical = new TreeMap<>();
		answers.forEach((question, chosen) -> canonical.put(question, new TreeSet<>(chosen)));
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
			return "answers:" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Submission(GradedAttempt graded, boolean stored) {
	}
}
