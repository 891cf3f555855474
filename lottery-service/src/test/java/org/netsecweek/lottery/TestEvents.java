package org.netsecweek.lottery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.netsecweek.events.quiz.DrawRequested;
import org.netsecweek.events.scoring.PointsAwarded;

/** Events as the other services would send them, built in code for campaigns the fixtures do not use. */
public final class TestEvents {

	private TestEvents() {
	}

	public static PointsAwarded pointsAwarded(String campaignId, UUID worker, int drawsEarned) {
		return new PointsAwarded(UUID.randomUUID(), Instant.now(), campaignId, PointsAwarded.SCHEMA_VERSION, worker,
				UUID.randomUUID(), LocalDate.now(), 10, drawsEarned * 10, drawsEarned, null, null);
	}

	public static DrawRequested drawRequested(String campaignId, UUID worker, int drawNumber) {
		return new DrawRequested(UUID.randomUUID(), Instant.now(), campaignId, DrawRequested.SCHEMA_VERSION, worker,
				UUID.randomUUID(), drawNumber, "harbin", "harbin-0001");
	}

	/** The same request again under a new event id, as a producer that re-sends it would. */
	public static DrawRequested again(DrawRequested request) {
		return new DrawRequested(UUID.randomUUID(), Instant.now(), request.campaignId(), request.schemaVersion(),
				request.workerId(), request.drawId(), request.drawNumber(), request.unionId(), request.orgId());
	}

}
