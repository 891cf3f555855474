package org.netsecweek.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The JSON fixture of each event type, as bytes on the wire. Shipped in this module's test-jar so that every
 * consumer's tests feed exactly the bytes the contract tests check.
 */
public final class EventFixtures {

	public static final String ANSWER_SUBMITTED = "answer-submitted.json";

	public static final String POINTS_AWARDED = "points-awarded.json";

	/** A PointsAwarded of an admin adjustment: no attempt, negative points, schema 2. */
	public static final String POINTS_AWARDED_ADJUSTMENT = "points-awarded-adjustment.json";

	/** A PointsAwarded as schema 1 wrote it, without {@code sequence} and {@code adjustmentId}. */
	public static final String POINTS_AWARDED_V1 = "points-awarded-v1.json";

	public static final String DRAW_REQUESTED = "draw-requested.json";

	/** A DrawCompleted of a prize, with its redemption code (schema 2). */
	public static final String DRAW_COMPLETED = "draw-completed.json";

	/** A DrawCompleted as schema 1 wrote it, without {@code redemptionCode}. */
	public static final String DRAW_COMPLETED_V1 = "draw-completed-v1.json";

	private EventFixtures() {
	}

	public static byte[] bytes(String fixture) {
		try (InputStream in = EventFixtures.class.getResourceAsStream("fixtures/" + fixture)) {
			if (in == null) {
				throw new IllegalArgumentException("No event fixture named " + fixture);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
