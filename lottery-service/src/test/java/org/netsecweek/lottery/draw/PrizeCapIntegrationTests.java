package org.netsecweek.lottery.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netsecweek.lottery.TestEvents.drawRequested;
import static org.netsecweek.lottery.TestEvents.pointsAwarded;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netsecweek.events.scoring.PointsAwarded;
import org.netsecweek.platform.inbox.EventHandler;
import org.netsecweek.infra.Concurrently;
import org.netsecweek.infra.InfrastructureInitializer;
import org.netsecweek.lottery.LotteryApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ContextConfiguration;

/** One physical prize per worker by default: a winner's further draws are rejected and keep their entitlement. */
@SpringBootTest(classes = LotteryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=lottery-service", "netsec.lottery.draws.prize-cap-per-worker=1" })
@AutoConfigureWebTestClient(timeout = "PT30S")
@ContextConfiguration(initializers = InfrastructureInitializer.class)
class PrizeCapIntegrationTests {

	@Autowired
	EventHandler<PointsAwarded> recordEntitlement;

	@Autowired
	PerformDraw performDraw;

	@Autowired
	DatabaseClient db;

	@Test
	void aWorkerWinsOnePrizeAtMostEvenWhenManyDrawsAreTakenAtOnce() throws Exception {
		// every number lands on a prize
		db.sql("UPDATE prize_pool SET no_prize_weight = 0 WHERE campaign_id = 'capped'").then().block();
		UUID worker = UUID.randomUUID();
		recordEntitlement.accept(pointsAwarded("capped", worker, 5));

		Concurrently.run(5, i -> performDraw.accept(drawRequested("capped", worker, i + 1)));

		assertThat(count("status = 'PRIZE'", worker)).isEqualTo(1);
		assertThat(count("status = 'REJECTED' AND rejection_reason = 'prize-cap-reached'", worker)).isEqualTo(4);
		assertThat(db.sql("SELECT draws_used AS n FROM entitlement WHERE campaign_id = 'capped' AND worker_id = :w")
			.bind("w", worker).map(row -> row.get("n", Integer.class)).one().block()).isEqualTo(1);
	}

	@Test
	void aWorkerWithoutAPrizeKeepsDrawing() {
		db.sql("UPDATE prize_pool SET no_prize_weight = 1000000000 WHERE campaign_id = 'capped'").then().block();
		db.sql("UPDATE prize SET stock_left = 0 WHERE campaign_id = 'capped'").then().block();
		UUID worker = UUID.randomUUID();
		recordEntitlement.accept(pointsAwarded("capped", worker, 3));

		for (int n = 1; n <= 3; n++) {
			performDraw.accept(drawRequested("capped", worker, n));
		}

		assertThat(count("status = 'NO_PRIZE'", worker)).isEqualTo(3);
	}

	private long count(String condition, UUID worker) {
		return db.sql("SELECT count(*) AS n FROM draw WHERE campaign_id = 'capped' AND worker_id = :w AND " + condition)
			.bind("w", worker)
			.map(row -> row.get("n", Long.class))
			.one()
			.block();
	}
}
