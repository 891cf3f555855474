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
 * @param redemptionCode the code the worker shows to collect a prize (兑奖码); the worker's own secret, only in
 * their own draws and never logged ({@link #toString()} leaves it out)
 */
record WorkerDraw(UUID drawId, int drawNumber, String status, String prizeId, String prizeName, String reason,
		Instant requestedAt, Instant completedAt, String redemptionCode) {

	static final String PENDING = "PENDING";

	@Override
	public String toString() {
		return "WorkerDraw[drawId=" + drawId + ", drawNumber=" + drawNumber + ", status=" + status + ", prizeId="
				+ prizeId + ", redemptionCode=" + (redemptionCode == null ? "null" : "(hidden)") + "]";
	}
}
