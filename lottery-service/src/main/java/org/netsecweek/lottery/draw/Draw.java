package org.netsecweek.lottery.draw;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

import org.netsecweek.events.lottery.DrawCompleted;
import org.netsecweek.events.lottery.DrawOutcome;
import org.netsecweek.events.quiz.DrawRequested;
import org.netsecweek.lottery.entitlement.Entitlement;
import org.netsecweek.lottery.prize.Prize;

/**
 * A requested draw. It waits (pending, {@code outcome == null}) until the worker has an entitlement, then is
 * performed (a prize or none) or, when it cannot take place, rejected. Either end is final.
 *
 * @param receivedAt when this service first saw the request; a pending draw expires counted from here
 * @param rejectionReason {@link #CAMPAIGN_CLOSED}, {@link #NO_ENTITLEMENT} or {@link #PRIZE_CAP_REACHED} when rejected
 * @param redemptionCode the code the winner shows to collect the prize, for a {@code PRIZE} only: a bearer secret,
 * left out of {@link #toString()}
 */
record Draw(UUID drawId, String campaignId, UUID workerId, int drawNumber, String unionId, String orgId,
		Instant requestedAt, Instant receivedAt, DrawOutcome outcome, String prizeId, String prizeName,
		String rejectionReason, Proof proof, Instant completedAt, String redemptionCode) {

	static final String CAMPAIGN_CLOSED = "campaign-closed";

	static final String NO_ENTITLEMENT = "no-entitlement";

	static final String PRIZE_CAP_REACHED = "prize-cap-reached";

	/**
	 * A worker's requests in the order they are performed: by draw number, then arrival, then draw id (compared as
	 * PostgreSQL compares uuids, byte by byte).
	 */
	static final Comparator<Draw> REQUEST_ORDER = Comparator.comparingInt(Draw::drawNumber)
		.thenComparing(Draw::receivedAt)
		.thenComparing(Draw::drawId, (a, b) -> a.getMostSignificantBits() != b.getMostSignificantBits()
				? Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits())
				: Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits()));

	static Draw requested(DrawRequested request, Instant receivedAt) {
		return new Draw(request.drawId(), request.campaignId(), request.workerId(), request.drawNumber(),
				request.unionId(), request.orgId(), request.occurredAt(), receivedAt, null, null, null, null,
				Proof.NONE, null, null);
	}

	/** Whose entitlement the draw uses. */
	Entitlement.Key key() {
		return new Entitlement.Key(campaignId, workerId);
	}

	boolean isPending() {
		return outcome == null;
	}

	String status() {
		return isPending() ? "PENDING" : outcome.name();
	}

	/**
	 * The draw took place and landed on {@code prize} (to be collected with {@code redemptionCode}), or on no prize
	 * when it is {@code null}.
	 */
	Draw performed(Prize prize, String redemptionCode, Proof proof, Instant at) {
		requirePending();
		if ((prize == null) != (redemptionCode == null)) {
			throw new IllegalArgumentException("A prize, and only a prize, comes with a redemption code");
		}
		return new Draw(drawId, campaignId, workerId, drawNumber, unionId, orgId, requestedAt, receivedAt,
				prize == null ? DrawOutcome.NO_PRIZE : DrawOutcome.PRIZE, prize == null ? null : prize.id(),
				prize == null ? null : prize.name(), null, proof, at, redemptionCode);
	}

	Draw rejected(String reason, Instant at) {
		requirePending();
		return new Draw(drawId, campaignId, workerId, drawNumber, unionId, orgId, requestedAt, receivedAt,
				DrawOutcome.REJECTED, null, null, reason, Proof.NONE, at, null);
	}

	/**
	 * The announcement of a finished draw. Its event id derives from the draw id, so even a second announcement of
	 * one draw could never be taken for a different event (and the outbox's unique key refuses it).
	 */
	DrawCompleted completed() {
		if (isPending()) {
			throw new IllegalStateException("Draw " + drawId + " is still pending");
		}
		UUID eventId = UUID.nameUUIDFromBytes(("draw-completed:" + drawId).getBytes(StandardCharsets.UTF_8));
		return new DrawCompleted(eventId, completedAt, campaignId, DrawCompleted.SCHEMA_VERSION, workerId, drawId,
				outcome, prizeId, prizeName, rejectionReason, proof.seedCommitment(), proof.drawHmac(), proof.logHash(),
				redemptionCode);
	}

	@Override
	public String toString() {
		return "Draw[drawId=" + drawId + ", campaignId=" + campaignId + ", workerId=" + workerId + ", drawNumber="
				+ drawNumber + ", status=" + status() + ", prizeId=" + prizeId + ", rejectionReason=" + rejectionReason
				+ ", redemptionCode=" + (redemptionCode == null ? "null" : "(hidden)") + "]";
	}

	private void requirePending() {
		if (!isPending()) {
			throw new IllegalStateException("Draw " + drawId + " is already " + outcome);
		}
	}

	/**
	 * What lets anyone check a performed draw; all {@code null} for a pending or rejected one.
	 *
	 * @param seedCommitment hex SHA-256 of the campaign's seed
	 * @param drawHmac hex HMAC-SHA256(seed, draw id), the draw's random number
	 * @param logHash the hash of the draw's entry in the campaign's draw log
	 */
	record Proof(String seedCommitment, String drawHmac, String logHash) {

		static final Proof NONE = new Proof(null, null, null);
	}
}
