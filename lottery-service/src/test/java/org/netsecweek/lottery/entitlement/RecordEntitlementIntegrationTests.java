package org.netsecweek.lottery.entitlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.netsecweek.lottery.TestEvents.pointsAwarded;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.netsecweek.infra.Concurrently;
import org.netsecweek.events.scoring.PointsAwarded;
import org.netsecweek.lottery.LotteryIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;

@LotteryIntegrationTest
class RecordEntitlementIntegrationTests {

	@Autowired
	RecordEntitlement recordEntitlement;

	@Autowired
	DatabaseClient db;

	@Test
	void keepsTheLargestDrawsEarnedWhenPointsArriveOutOfOrder() {
		UUID worker = UUID.randomUUID();

		recordEntitlement.accept(pointsAwarded("demo", worker, 3));
		recordEntitlement.accept(pointsAwarded("demo", worker, 1));
		recordEntitlement.accept(pointsAwarded("demo", worker, 2));

		assertThat(drawsEarned("demo", worker)).isEqualTo(3);
	}

	@Test
	void concurrentPointsForOneWorkerEndAtTheLargest() throws Exception {
		UUID worker = UUID.randomUUID();
		List<PointsAwarded> points = IntStream.rangeClosed(0, 15)
			.mapToObj(n -> pointsAwarded("hlj-2022", worker, n))
			.toList();

		Concurrently.run(points.size(), i -> recordEntitlement.accept(points.get(i)));

		assertThat(drawsEarned("hlj-2022", worker)).isEqualTo(15);
		assertThat(db.sql("SELECT count(*) AS n FROM entitlement WHERE worker_id = :worker")
			.bind("worker", worker)
			.map(row -> row.get("n", Long.class))
			.one()
			.block()).isEqualTo(1);
	}

	@Test
	void theNewestSequenceWinsAlsoDownwardsButNeverBelowTheDrawsUsed() {
		UUID worker = UUID.randomUUID();

		recordEntitlement.accept(sequenced(worker, 3, 2));
		recordEntitlement.accept(sequenced(worker, 2, 3));
		recordEntitlement.accept(sequenced(worker, 1, 4));
		assertThat(drawsEarned("demo", worker)).as("an adjustment took points away").isEqualTo(1);

		recordEntitlement.accept(sequenced(worker, 3, 3));
		assertThat(drawsEarned("demo", worker)).as("an older event arriving late").isEqualTo(1);

		db.sql("UPDATE entitlement SET draws_used = 1 WHERE worker_id = :worker").bind("worker", worker).then().block();
		recordEntitlement.accept(sequenced(worker, 0, 5));
		assertThat(drawsEarned("demo", worker)).as("a draw already used stays used").isEqualTo(1);
	}

	@Test
	void aBatchAppliesEachWorkersEventsInTheirOrderAsOneByOneWould() {
		UUID adjusted = UUID.randomUUID();
		UUID legacy = UUID.randomUUID();
		UUID single = UUID.randomUUID();
		// one statement per round: adjusted's three events take three rounds, the others share the first
		recordEntitlement.take(List.of(sequenced(adjusted, 2, 2), pointsAwarded("demo", legacy, 4),
				sequenced(single, 1, 1), sequenced(adjusted, 5, 1), pointsAwarded("demo", legacy, 2),
				sequenced(adjusted, 1, 3)));

		assertThat(drawsEarned("demo", adjusted)).as("the newest sequence, though lower").isEqualTo(1);
		assertThat(drawsEarned("demo", legacy)).as("schema 1: the largest").isEqualTo(4);
		assertThat(drawsEarned("demo", single)).isEqualTo(1);
		assertThat(db.sql("SELECT points_sequence FROM entitlement WHERE worker_id = :worker")
			.bind("worker", adjusted)
			.map(row -> row.get("points_sequence", Long.class))
			.one()
			.block()).isEqualTo(3);
	}

	private static PointsAwarded sequenced(UUID worker, int drawsEarned, long sequence) {
		PointsAwarded points = pointsAwarded("demo", worker, drawsEarned);
		return new PointsAwarded(points.eventId(), points.occurredAt(), points.campaignId(), points.schemaVersion(),
				worker, null, points.campaignDay(), 0, drawsEarned * 10, drawsEarned, sequence, UUID.randomUUID());
	}

	@Test
	void theTableItselfRefusesMoreDrawsUsedThanEarned() {
		UUID worker = UUID.randomUUID();
		recordEntitlement.accept(pointsAwarded("hlj-2022", worker, 1));

		assertThatThrownBy(() -> db.sql("UPDATE entitlement SET draws_used = 2 WHERE worker_id = :worker")
			.bind("worker", worker)
			.then()
			.block()).isInstanceOf(DataIntegrityViolationException.class);
	}

	private int drawsEarned(String campaignId, UUID worker) {
		return db.sql("SELECT draws_earned FROM entitlement WHERE campaign_id = :campaign AND worker_id = :worker")
			.bind("campaign", campaignId)
			.bind("worker", worker)
			.map(row -> row.get("draws_earned", Integer.class))
			.one()
			.block();
	}
}
