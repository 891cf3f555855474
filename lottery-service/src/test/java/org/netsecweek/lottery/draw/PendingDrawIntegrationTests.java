package org.netsecweek.lottery.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netsecweek.lottery.TestEvents.again;
import static org.netsecweek.lottery.TestEvents.drawRequested;
import static org.netsecweek.lottery.TestEvents.pointsAwarded;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netsecweek.events.quiz.DrawRequested;
import org.netsecweek.events.scoring.PointsAwarded;
import org.netsecweek.platform.inbox.EventHandler;
import org.netsecweek.lottery.LotteryIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.r2dbc.core.DatabaseClient;

/** Requests that cannot be performed at once: waiting for their points, or for a campaign that is not open. */
@LotteryIntegrationTest
class PendingDrawIntegrationTests {

	@Autowired
	PerformDraw performDraw;

	@Autowired
	@Qualifier("recordEntitlement")
	EventHandler<PointsAwarded> recordEntitlement;

	@Autowired
	DatabaseClient db;

	DrawRecords records;

	@BeforeEach
	void readRecords() {
		records = new DrawRecords(db);
	}

	@Test
	void aRequestThatOvertakesItsPointsWaitsAndThenHappensOnce() {
		UUID worker = UUID.randomUUID();
		DrawRequested request = drawRequested("demo", worker, 1);

		performDraw.accept(request);

		assertThat(records.statuses(worker)).containsOnlyKeys("PENDING");
		assertThat(records.completionsOf(worker)).isZero();

		recordEntitlement.accept(pointsAwarded("demo", worker, 1));

		assertThat(records.performed(worker)).isEqualTo(1);
		assertThat(records.completionsOf(worker)).isEqualTo(1);
		assertThat(records.entitlement("demo", worker)).containsExactly(1, 1);

		performDraw.accept(request);
		performDraw.accept(again(request));
		recordEntitlement.accept(pointsAwarded("demo", worker, 1));

		assertThat(records.performed(worker)).isEqualTo(1);
		assertThat(records.completionsOf(worker)).isEqualTo(1);
	}

	/**
	 * One polled batch of points for several workers, one of them twice and with a repeat: each worker's waiting draws
	 * happen once, as far as the batch's last figures go.
	 */
	@Test
	void aBatchOfPointsReleasesEachWorkersWaitingDrawsOnce() {
		UUID one = UUID.randomUUID();
		UUID other = UUID.randomUUID();
		performDraw.accept(drawRequested("demo", one, 1));
		performDraw.accept(drawRequested("demo", one, 2));
		performDraw.accept(drawRequested("demo", one, 3));
		performDraw.accept(drawRequested("demo", other, 1));
		PointsAwarded first = pointsAwarded("demo", one, 1);

		recordEntitlement.take(List.of(first, pointsAwarded("demo", other, 1), pointsAwarded("demo", one, 2), first));

		assertThat(records.performed(one)).isEqualTo(2);
		assertThat(records.statuses(one)).containsEntry("PENDING", 1L);
		assertThat(records.entitlement("demo", one)).containsExactly(2, 2);
		assertThat(records.performed(other)).isEqualTo(1);
		assertThat(records.entitlement("demo", other)).containsExactly(1, 1);
		assertThat(records.completionsOf(one)).isEqualTo(2);
	}

	@Test
	void waitingDrawsHappenInRequestOrderAsEntitlementsArrive() {
		UUID worker = UUID.randomUUID();
		DrawRequested second = drawRequested("demo", worker, 2);
		DrawRequested first = drawRequested("demo", worker, 1);
		performDraw.accept(second);
		performDraw.accept(first);

		recordEntitlement.accept(pointsAwarded("demo", worker, 1));

		assertThat(records.status(first.drawId())).isIn("PRIZE", "NO_PRIZE");
		assertThat(records.status(second.drawId())).isEqualTo("PENDING");

		recordEntitlement.accept(pointsAwarded("demo", worker, 2));

		assertThat(records.status(second.drawId())).isIn("PRIZE", "NO_PRIZE");
	}

	@Test
	void aRequestForAClosedCampaignIsRejectedAtOnceWithoutTouchingEntitlements() {
		UUID worker = UUID.randomUUID();
		recordEntitlement.accept(pointsAwarded("hlj-2022", worker, 2));
		DrawRequested closed = drawRequested("hlj-2022", worker, 1);
		DrawRequested unknown = drawRequested("no-such-campaign", worker, 1);

		performDraw.accept(closed);
		performDraw.accept(unknown);

		assertThat(records.status(closed.drawId())).isEqualTo("REJECTED");
		assertThat(records.status(unknown.drawId())).isEqualTo("REJECTED");
		assertThat(records.count("SELECT count(*) AS n FROM draw WHERE worker_id = '" + worker
				+ "' AND rejection_reason = 'campaign-closed'")).isEqualTo(2);
		assertThat(records.entitlement("hlj-2022", worker)).containsExactly(2, 0);
		assertThat(records.completionsOf(worker)).isEqualTo(2);
	}
}
