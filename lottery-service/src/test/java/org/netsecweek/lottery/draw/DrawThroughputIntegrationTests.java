package org.netsecweek.lottery.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netsecweek.lottery.TestEvents.drawRequested;
import static org.netsecweek.lottery.TestEvents.pointsAwarded;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.netsecweek.events.quiz.DrawRequested;
import org.netsecweek.events.scoring.PointsAwarded;
import org.netsecweek.infra.Concurrently;
import org.netsecweek.lottery.LotteryIntegrationTest;
import org.netsecweek.lottery.fairness.FairnessSeeds;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * How many draws a second one instance performs: 2,000 draws (250 workers, 8 each) from 8 threads straight into the
 * message handler, every one queuing on the campaign's chain head. Prints the rate (machines differ, so it asserts
 * none) and asserts that the burst stayed correct: entitlements used exactly, no prize oversold, the log replays.
 */
@LotteryIntegrationTest
class DrawThroughputIntegrationTests {

	/** A campaign of its own (test resources) with the configured pool, so prizes run out during the burst. */
	private static final String CAMPAIGN = "throughput";

	@Autowired
	PerformDraw performDraw;

	@Autowired
	@Qualifier("recordEntitlement")
	Consumer<PointsAwarded> recordEntitlement;

	@Autowired
	DrawLogExports exports;

	@Autowired
	FairnessSeeds seeds;

	@Autowired
	DatabaseClient db;

	@Test
	void twoThousandDrawsFromEightThreadsStayWithinEntitlementsAndStock() throws Exception {
		DrawRecords records = new DrawRecords(db);
		List<UUID> workers = IntStream.range(0, 250).mapToObj(i -> UUID.randomUUID()).toList();
		Concurrently.run(250, i -> recordEntitlement.accept(pointsAwarded(CAMPAIGN, workers.get(i), 8)));
		List<DrawRequested> requests = IntStream.range(0, 2_000)
			.mapToObj(i -> drawRequested(CAMPAIGN, workers.get(i % 250), i / 250 + 1))
			.toList();

		long started = System.nanoTime();
		Concurrently.run(2_000, i -> performDraw.accept(requests.get(i)));
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("DrawThroughput: 2000 draws from 8 threads in %.2f s = %.0f draws/second%n", seconds,
				2_000 / seconds);

		assertThat(records.count("SELECT count(*) AS n FROM draw WHERE campaign_id = 'throughput' "
				+ "AND status IN ('PRIZE', 'NO_PRIZE')")).isEqualTo(2_000);
		assertThat(records.count("SELECT count(*) AS n FROM entitlement WHERE campaign_id = 'throughput' "
				+ "AND draws_earned = 8 AND draws_used = 8")).isEqualTo(250);
		assertThat(records.count("SELECT count(*) AS n FROM prize p WHERE campaign_id = 'throughput' AND stock_left "
				+ "<> quantity - (SELECT count(*) FROM draw d WHERE d.campaign_id = p.campaign_id "
				+ "AND d.prize_id = p.prize_id)")).isZero();
		assertThat(records.count("SELECT min(stock_left) AS n FROM prize WHERE campaign_id = 'throughput'"))
			.isGreaterThanOrEqualTo(0);
		DrawVerification.Result replay = exports.export(CAMPAIGN)
			.zipWith(seeds.seedOf(CAMPAIGN), DrawVerification::verify)
			.block();
		assertThat(replay.mismatches()).isEmpty();
		assertThat(replay.draws()).isEqualTo(2_000);
	}
}
