package org.netsecweek.quiz.draw;

import java.time.Instant;
import java.util.UUID;

/**
 * A draw the worker asked for.
 *
 * @param drawNumber the worker's n-th draw in the campaign
 * @param status {@code PENDING} until lottery-service answers, then {@code PRIZE}, {@code NO_PRIZE} or
 * {@code REJECTED}
 * @param reason why a draw was rejected
 */
record WorkerDraw(UUID drawId, int drawNumber, String status, String prizeId, String prizeName, String reason,
		Instant requestedAt, Instant completedAt) {

	static final String PENDING = "PENDING";
}
