package org.netsecweek.scoring.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.scoring.ScoringIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;

/** The local run's setting: fast papers are booked (its browser journey answers in seconds), bursts still held. */
@ScoringIntegrationTest
@TestPropertySource(properties = "netsec.scoring.review.hold-fast-papers=false")
class FastPaperSwitchIntegrationTests {

	@Autowired
	BookPoints bookPoints;

	@Autowired
	DatabaseClient db;

	@Test
	void withFastPapersNotHeldAFastPaperIsBookedButABurstIsStillHeld() {
		UUID worker = UUID.randomUUID();
		Instant at = Instant.parse("2022-09-05T01:00:00Z");
		bookPoints.book(List.of(answer(worker, 5, at, 2_000), answer(worker, 6, at.plusSeconds(30), 2_000),
				answer(worker, 7, at.plusSeconds(60), 2_000)));

		assertThat(db.sql("SELECT count(*) AS n FROM ledger_entry WHERE worker_id = :w").bind("w", worker)
			.map(row -> row.get("n", Long.class)).one().block()).isEqualTo(2);
		assertThat(db.sql("SELECT reason FROM held_attempt WHERE worker_id = :w").bind("w", worker)
			.map(row -> row.get("reason", String.class)).all().collectList().block()).containsExactly("10分钟内提交3次");
	}

	private static AnswerSubmitted answer(UUID worker, int day, Instant at, long millis) {
		return new AnswerSubmitted(UUID.randomUUID(), at, "hlj-2022", 1, worker, UUID.randomUUID(), "jixi", "jixi-0001",
				LocalDate.of(2022, 9, day), List.of(), 8, 10, millis);
	}
}
