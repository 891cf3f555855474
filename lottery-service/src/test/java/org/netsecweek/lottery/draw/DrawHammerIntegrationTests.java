package org.netsecweek.lottery.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netsecweek.lottery.TestEvents.drawRequested;
import static org.netsecweek.lottery.TestEvents.pointsAwarded;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netsecweek.infra.Concurrently;
import org.netsecweek.events.quiz.DrawRequested;
import org.netsecweek.events.scoring.PointsAwarded;
import org.netsecweek.platform.inbox.EventHandler;
import org.netsecweek.lottery.LotteryIntegrationTest;
import org.netsecweek.lottery.fairness.FairnessSeeds;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.r2dbc.core.DatabaseClient;

/** Many requests and entitlements at once, straight into the message handlers from 8 threads. */
@LotteryIntegrationTest
class DrawHammerIntegrationTests {

	@Autowired
	PerformDraw performDraw;

	@Autowired
	@Qualifier("recordEntitlement")
	EventHandler<PointsAwarded> recordEntitlement;

	@Autowired
	PendingDrawSweep sweep;

	@Autowired
	DatabaseClient db;

	@Autowired
	DrawLogExports exports;

	@Autowired
	FairnessSeeds seeds;

	DrawRecords records;

	@BeforeEach
	void readRecords() {
		records = new DrawRecords(db);
	}

	@Test
	void twentyRequestsAtOnceOnThreeDrawsPerformThreeAndTheSweepRejectsTheRest() throws Exception {
		UUID worker = UUID.randomUUID();
		recordEntitlement.accept(pointsAwarded("demo", worker, 3));
		List<DrawRequested> requests = requests("demo", worker, 20);

		Concurrently.run(20, i -> performDraw.accept(requests.get(i)));

		assertThat(records.statuses(worker)).containsEntry("PENDING", 17L);
		assertThat(records.performed(worker)).isEqualTo(3);
		assertThat(records.entitlement("demo", worker)).containsExactly(3, 3);
		assertThat(records.completionsOf(worker)).isEqualTo(3);

		assertThat(sweep.rejectReceivedBefore(Instant.now().plusSeconds(1))).isGreaterThanOrEqualTo(17);

		assertThat(records.statuses(worker)).containsEntry("REJECTED", 17L).doesNotContainKey("PENDING");
		assertThat(records.count("SELECT count(*) AS n FROM draw WHERE worker_id = '" + worker
				+ "' AND rejection_reason = 'no-entitlement'")).isEqualTo(17);
		assertThat(records.completionsOf(worker)).isEqualTo(20);
		assertThat(records.entitlement("demo", worker)).containsExactly(3, 3);
	}

	@Test
	void entitlementsArrivingDuringABurstOfRequestsAreUsedExactly() throws Exception {
		UUID worker = UUID.randomUUID();
		List<DrawRequested> requests = requests("demo", worker, 20);
		List<PointsAwarded> points = List.of(pointsAwarded("demo", worker, 2), pointsAwarded("demo", worker, 5),
				pointsAwarded("demo", worker, 1));

		Concurrently.run(23, i -> {
			if (i < 20) {
				performDraw.accept(requests.get(i));
			}
			else {
				recordEntitlement.accept(points.get(i - 20));
			}
		});

		assertThat(records.performed(worker)).isEqualTo(5);
		assertThat(records.statuses(worker)).containsEntry("PENDING", 15L);
		assertThat(records.entitlement("demo", worker)).containsExactly(5, 5);
		assertThat(records.completionsOf(worker)).isEqualTo(5);
	}

	@Test
	void fortyWinnersAtOnceNeverTakeMoreThanTheStock() throws Exception {
		db.sql("UPDATE prize SET stock_left = 0 WHERE campaign_id = 'always-open'").then().block();
		db.sql("INSERT INTO prize (campaign_id, prize_id, position, name, weight, quantity, stock_left) "
				+ "VALUES ('always-open', 'grand-prize', 99, '一等奖', 1000000000, 5, 5)").then().block();
		List<UUID> workers = IntStream.range(0, 40).mapToObj(i -> UUID.randomUUID()).toList();
		Concurrently.run(40, i -> recordEntitlement.accept(pointsAwarded("always-open", workers.get(i), 1)));

		Concurrently.run(40, i -> performDraw.accept(drawRequested("always-open", workers.get(i), 1)));

		assertThat(records.count("SELECT count(*) AS n FROM draw WHERE campaign_id = 'always-open' "
				+ "AND status = 'PRIZE' AND prize_id = 'grand-prize'")).isEqualTo(5);
		assertThat(records.count("SELECT count(*) AS n FROM draw WHERE campaign_id = 'always-open' "
				+ "AND status = 'NO_PRIZE'")).isEqualTo(35);
		assertThat(records.count("SELECT stock_left AS n FROM prize WHERE campaign_id = 'always-open' "
				+ "AND prize_id = 'grand-prize'")).isZero();
		assertThat(records.count("SELECT min(stock_left) AS n FROM prize")).isGreaterThanOrEqualTo(0);
		assertThat(records.count("SELECT count(*) AS n FROM outbox WHERE event_type = 'DrawCompleted' "
				+ "AND payload LIKE '%\"campaignId\":\"always-open\"%' AND payload LIKE '%\"outcome\":\"PRIZE\"%'"))
			.isEqualTo(5);
	}

	/**
	 * A thousand workers draw once each, all at once, on a pool whose only prize in stock is a single unit that
	 * almost every number lands on: exactly one wins it, the stock ends at zero, and the log still replays.
	 */
	@Test
	void aThousandDrawsAtOnceOnASingleUnitMakeExactlyOneWinner() throws Exception {
		String campaign = "one-prize";
		db.sql("UPDATE prize SET stock_left = 0, quantity = 0 WHERE campaign_id = 'one-prize'").then().block();
		db.sql("INSERT INTO prize (campaign_id, prize_id, position, name, weight, quantity, stock_left) "
				+ "VALUES ('one-prize', 'the-one', 99, '唯一大奖', 1000000000, 1, 1)").then().block();
		List<UUID> workers = IntStream.range(0, 1_000).mapToObj(i -> UUID.randomUUID()).toList();
		Concurrently.run(1_000, i -> recordEntitlement.accept(pointsAwarded(campaign, workers.get(i), 1)));

		Concurrently.run(1_000, i -> performDraw.accept(drawRequested(campaign, workers.get(i), 1)));

		assertThat(records.count("SELECT count(*) AS n FROM draw WHERE campaign_id = 'one-prize' AND status = 'PRIZE'"))
			.isEqualTo(1);
		assertThat(records.count("SELECT count(*) AS n FROM draw WHERE campaign_id = 'one-prize' "
				+ "AND status = 'NO_PRIZE'")).isEqualTo(999);
		assertThat(records.count("SELECT stock_left AS n FROM prize WHERE campaign_id = 'one-prize' "
				+ "AND prize_id = 'the-one'")).isZero();
		assertThat(records.count("SELECT min(stock_left) AS n FROM prize")).isGreaterThanOrEqualTo(0);
		assertThat(records.count("SELECT count(*) AS n FROM entitlement WHERE campaign_id = 'one-prize' "
				+ "AND draws_used = 1 AND draws_earned = 1")).isEqualTo(1_000);
		assertThat(records.count("SELECT count(*) AS n FROM outbox WHERE event_type = 'DrawCompleted' "
				+ "AND payload LIKE '%\"campaignId\":\"one-prize\"%' AND payload LIKE '%\"outcome\":\"PRIZE\"%'"))
			.isEqualTo(1);
		DrawVerification.Result replay = exports.export(campaign)
			.zipWith(seeds.seedOf(campaign), DrawVerification::verify)
			.block();
		assertThat(replay.mismatches()).isEmpty();
		assertThat(replay.draws()).isEqualTo(1_000);
	}

	private static List<DrawRequested> requests(String campaignId, UUID worker, int n) {
		List<DrawRequested> requests = new ArrayList<>();
		for (int number = 1; number <= n; number++) {
			requests.add(drawRequested(campaignId, worker, number));
		}
		return requests;
	}
}
