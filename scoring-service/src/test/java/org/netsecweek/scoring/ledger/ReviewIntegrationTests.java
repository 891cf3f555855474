package org.netsecweek.scoring.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import org.netsecweek.platform.security.Tokens;
import org.netsecweek.scoring.ScoringIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@ScoringIntegrationTest
class ReviewIntegrationTests {

	@Autowired
	BookPoints bookPoints;

	@Autowired
	DatabaseClient db;

	@Autowired
	Tokens tokens;

	@Autowired
	WebTestClient web;

	@Test
	void aPaperAnsweredImplausiblyFastIsHeldThenReleasedWithItsReasonInTheLedger() {
		UUID worker = UUID.randomUUID();
		AnswerSubmitted fast = answer(worker, "jixi", 9, 12_000);
		bookPoints.accept(fast);

		assertThat(count("SELECT count(*) AS n FROM ledger_entry WHERE worker_id = '" + worker + "'")).isZero();
		assertThat(count("SELECT count(*) AS n FROM outbox WHERE message_key = '" + worker + "'")).isZero();
		String jixi = admin(Role.UNION_ADMIN, "jixi");
		web.get().uri("/api/admin/review?campaignId=hlj-2022").headers(h -> h.setBearerAuth(jixi)).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$[?(@.attemptId == '" + fast.attemptId() + "')].reason")
			.value(reasons -> assertThat(reasons.toString()).contains("12.0 秒"));

		decide(jixi, fast.attemptId(), "release", "职工现场作答，监考确认").expectStatus().isOk()
			.expectBody().jsonPath("$.decision").isEqualTo("RELEASED");

		assertThat(count("SELECT total AS n FROM points_total WHERE worker_id = '" + worker + "'")).isEqualTo(9);
		assertThat(db.sql("SELECT reason FROM ledger_entry WHERE worker_id = :w").bind("w", worker)
			.map(row -> row.get("reason", String.class)).one().block()).contains("复核放行：职工现场作答，监考确认");
		assertThat(count("SELECT count(*) AS n FROM outbox WHERE message_key = '" + worker + "'")).isEqualTo(1);
		decide(jixi, fast.attemptId(), "release", "再来一次").expectStatus().isEqualTo(409);
	}

	@Test
	void aRejectedAttemptIsNeverBookedAndAnotherUnionCannotDecide() {
		UUID worker = UUID.randomUUID();
		AnswerSubmitted fast = answer(worker, "hegang", 10, 3_000);
		bookPoints.accept(fast);

		decide(admin(Role.UNION_ADMIN, "jixi"), fast.attemptId(), "reject", "不是本工会").expectStatus().isForbidden();
		decide(admin(Role.PROVINCE_ADMIN, null), fast.attemptId(), "reject", "").expectStatus().isBadRequest();
		decide(admin(Role.PROVINCE_ADMIN, null), fast.attemptId(), "reject", "3秒答完10题").expectStatus().isOk();
		bookPoints.accept(fast);

		assertThat(count("SELECT count(*) AS n FROM ledger_entry WHERE worker_id = '" + worker + "'")).isZero();
		assertThat(count("SELECT count(*) AS n FROM held_attempt WHERE worker_id = '" + worker
				+ "' AND decision = 'REJECTED' AND decided_by = 'province'")).isEqualTo(1);
	}

	@Test
	void aPaperAnsweredAtAHumanPaceIsBookedAtOnce() {
		UUID worker = UUID.randomUUID();
		bookPoints.accept(answer(worker, "jixi", 6, 45_000));

		assertThat(count("SELECT total AS n FROM points_total WHERE worker_id = '" + worker + "'")).isEqualTo(6);
		assertThat(count("SELECT count(*) AS n FROM held_attempt WHERE worker_id = '" + worker + "'")).isZero();
	}

	@Test
	void aThirdSubmissionWithinTenMinutesIsHeldCountingARuleBreakingSecondAttempt() {
		UUID worker = UUID.randomUUID();
		Instant start = Instant.parse("2022-09-06T01:00:00Z");
		AnswerSubmitted first = at(worker, LocalDate.of(2022, 9, 6), start);
		AnswerSubmitted secondSameDay = at(worker, LocalDate.of(2022, 9, 6), start.plusSeconds(120));
		AnswerSubmitted third = at(worker, LocalDate.of(2022, 9, 7), start.plusSeconds(540));
		AnswerSubmitted fourthLater = at(worker, LocalDate.of(2022, 9, 8), start.plusSeconds(1_200));
		bookPoints.book(List.of(first, secondSameDay, third));
		bookPoints.accept(fourthLater);

		assertThat(count("SELECT count(*) AS n FROM ledger_entry WHERE worker_id = '" + worker + "'")).isEqualTo(2);
		assertThat(db.sql("SELECT reason FROM held_attempt WHERE attempt_id = :a").bind("a", third.attemptId())
			.map(row -> row.get("reason", String.class)).one().block()).isEqualTo("10分钟内提交3次");
		assertThat(db.sql("SELECT reason FROM rejected_answer WHERE attempt_id = :a").bind("a", secondSameDay.attemptId())
			.map(row -> row.get("reason", String.class)).one().block()).isEqualTo("second-attempt-same-day");
		assertThat(count("SELECT total AS n FROM points_total WHERE worker_id = '" + worker + "'")).isEqualTo(14);
	}

	@Test
	void aRedeliveredBurstIsDecidedTheSameAndHasNoSecondEffect() {
		UUID worker = UUID.randomUUID();
		Instant start = Instant.parse("2022-09-06T01:00:00Z");
		List<AnswerSubmitted> burst = List.of(at(worker, LocalDate.of(2022, 9, 6), start),
				at(worker, LocalDate.of(2022, 9, 7), start.plusSeconds(10)),
				at(worker, LocalDate.of(2022, 9, 8), start.plusSeconds(20)));
		bookPoints.book(burst);
		burst.forEach(bookPoints::accept);
		bookPoints.book(burst.stream().map(ReviewIntegrationTests::withNewEventId).toList());

		assertThat(count("SELECT count(*) AS n FROM ledger_entry WHERE worker_id = '" + worker + "'")).isEqualTo(2);
		assertThat(count("SELECT count(*) AS n FROM held_attempt WHERE worker_id = '" + worker + "'")).isEqualTo(1);
		assertThat(count("SELECT count(*) AS n FROM outbox WHERE message_key = '" + worker + "'")).isEqualTo(2);
	}

	@Test
	void holdingAndReleasingAreInTheWorkersStatementInOrder() {
		UUID worker = UUID.randomUUID();
		AnswerSubmitted fast = new AnswerSubmitted(UUID.randomUUID(), Instant.parse("2022-09-05T01:00:00Z"), "hlj-2022",
				1, worker, UUID.randomUUID(), "jixi", "jixi-0001", LocalDate.of(2022, 9, 5), List.of(), 9, 10, 5_000);
		bookPoints.accept(fast);
		bookPoints.accept(at(worker, LocalDate.of(2022, 9, 6), Instant.parse("2022-09-06T01:00:00Z")));
		decide(admin(Role.PROVINCE_ADMIN, null), fast.attemptId(), "release", "现场作答").expectStatus().isOk();

		assertThat(db.sql("SELECT reason, total_after, sequence FROM ledger_entry WHERE worker_id = :w ORDER BY sequence")
			.bind("w", worker)
			.map(row -> row.get("reason", String.class) + "|" + row.get("total_after") + "|" + row.get("sequence"))
			.all().collectList().block()).containsExactly("2022-09-06 答题 7/10 题正确|7|1",
					"2022-09-05 答题 9/10 题正确（复核放行：现场作答）|16|2");
		assertThat(db.sql("SELECT reason || '|' || decision || '|' || decided_why AS h FROM held_attempt WHERE worker_id = :w")
			.bind("w", worker).map(row -> row.get("h", String.class)).one().block())
			.isEqualTo("答题用时 5.0 秒，低于 20 秒|RELEASED|现场作答");
	}

	private WebTestClient.ResponseSpec decide(String token, UUID attempt, String decision, String reason) {
		return web.post().uri("/api/admin/review/" + attempt + "/" + decision).headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", reason)).exchange();
	}

	private String admin(Role role, String union) {
		return tokens.issue(new Caller(role == Role.PROVINCE_ADMIN ? "province" : "staff-" + union, role, union)).token();
	}

	private long count(String sql) {
		return db.sql(sql).map(row -> ((Number) row.get("n")).longValue()).one().blockOptional().orElse(0L);
	}

	private static AnswerSubmitted at(UUID worker, LocalDate day, Instant occurredAt) {
		return new AnswerSubmitted(UUID.randomUUID(), occurredAt, "hlj-2022", 1, worker, UUID.randomUUID(), "jixi",
				"jixi-0001", day, List.of(), 7, 10, 60_000);
	}

	private static AnswerSubmitted withNewEventId(AnswerSubmitted a) {
		return new AnswerSubmitted(UUID.randomUUID(), a.occurredAt(), a.campaignId(), a.schemaVersion(), a.workerId(),
				a.attemptId(), a.unionId(), a.orgId(), a.campaignDay(), a.results(), a.correctCount(),
				a.questionCount(), a.answeringMillis());
	}

	private static AnswerSubmitted answer(UUID worker, String union, int correct, long millis) {
		return new AnswerSubmitted(UUID.randomUUID(), Instant.now(), "hlj-2022", 1, worker, UUID.randomUUID(), union,
				union + "-0001", LocalDate.of(2022, 9, 8), List.of(), correct, 10, millis);
	}
}
