package org.netsecweek.lottery.prize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netsecweek.lottery.TestEvents.drawRequested;
import static org.netsecweek.lottery.TestEvents.pointsAwarded;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.netsecweek.events.quiz.DrawRequested;
import org.netsecweek.events.scoring.PointsAwarded;
import org.netsecweek.platform.inbox.EventHandler;
import org.netsecweek.lottery.LotteryIntegrationTest;
import org.netsecweek.infra.TestClock;
import org.netsecweek.lottery.fairness.FairnessSeeds;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The "week" campaign (2030-03-01 to 03-07, Asia/Shanghai) releases its 10 power banks daily: 2, 2, 2, 1, 1, 1, 1.
 * Nothing else can be won and the no-prize weight is 0, so a draw wins whenever a unit is available that day.
 */
@LotteryIntegrationTest
@Import(ReleaseScheduleIntegrationTests.Clocks.class)
class ReleaseScheduleIntegrationTests {

	private static final String CAMPAIGN = "week";

	@Autowired
	TestClock clock;

	@Autowired
	@Qualifier("recordEntitlement")
	EventHandler<PointsAwarded> recordEntitlement;

	@Autowired
	Consumer<DrawRequested> performDraw;

	@Autowired
	DatabaseClient db;

	@Autowired
	FairnessSeeds seeds;

	@Autowired
	WebTestClient web;

	@Test
	void eachDayReleasesItsShareAndUnitsNotWonRollOverAndTheLogRecordsTheDays() {
		clock.set(Instant.parse("2030-03-01T02:00:00Z")); // day 1, 10:00 in Harbin
		assertThat(drawMany(3)).isEqualTo(2);

		clock.set(Instant.parse("2030-03-03T15:59:00Z")); // day 3, 23:59 in Harbin: 6 released, 2 won
		assertThat(drawMany(5)).isEqualTo(4);

		clock.set(Instant.parse("2030-03-03T16:01:00Z")); // day 4, 00:01 in Harbin: one more
		assertThat(drawMany(2)).isEqualTo(1);

		assertThat(db.sql("SELECT day, count(*) AS n FROM draw_log WHERE campaign_id = 'week' GROUP BY day ORDER BY day")
			.map(row -> List.of(row.get("day", Integer.class), row.get("n", Long.class).intValue()))
			.all()
			.collectList()
			.block()).containsExactly(List.of(1, 3), List.of(3, 5), List.of(4, 2));
		clock.set(Instant.parse("2030-03-08T00:00:00Z")); // after the seed was revealed (03-08 00:00 in Harbin)
		web.get().uri("/api/fairness/week/verification").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.passed").isEqualTo(true)
			.jsonPath("$.draws").isEqualTo(10);
		web.get().uri("/api/fairness/week/log").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.release").isEqualTo("DAILY")
			.jsonPath("$.whenOutOfStock").isEqualTo("DRAW_AGAIN")
			.jsonPath("$.days").isEqualTo(7)
			.jsonPath("$.prizes[0].quantity").isEqualTo(10)
			.jsonPath("$.entries[9].day").isEqualTo(4);
	}

	/** That many workers draw once each now; returns how many won. */
	private long drawMany(int workers) {
		List<UUID> ids = IntStream.range(0, workers).mapToObj(i -> UUID.randomUUID()).toList();
		ids.forEach(worker -> recordEntitlement.accept(pointsAwarded(CAMPAIGN, worker, 1)));
		List<DrawRequested> requests = ids.stream().map(worker -> drawRequested(CAMPAIGN, worker, 1)).toList();
		requests.forEach(performDraw);
		return requests.stream()
			.filter(request -> "PRIZE".equals(db.sql("SELECT status FROM draw WHERE draw_id = :draw")
				.bind("draw", request.drawId())
				.map(row -> row.get("status", String.class))
				.one()
				.block()))
			.count();
	}

	@TestConfiguration
	static class Clocks {

		@Bean
		TestClock clock() {
			return new TestClock(Instant.parse("2030-02-28T00:00:00Z"));
		}
	}
}
