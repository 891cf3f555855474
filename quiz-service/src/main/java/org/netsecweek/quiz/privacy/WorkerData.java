package org.netsecweek.quiz.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** Everything quiz-service holds about one worker, for the worker's own copy (PIPL art. 45). */
@Component
class WorkerData {

	private final DatabaseClient db;

	private final PersonalData personalData;

	WorkerData(DatabaseClient db, PersonalData personalData) {
		this.db = db;
		this.personalData = personalData;
	}

	Mono<Held> of(UUID worker) {
		Mono<Held> profile = db.sql("SELECT w.union_id, w.org_id, o.name AS org_name, w.name_sealed, w.phone_sealed, "
				+ "w.phone_hash IS NOT NULL AS by_phone, w.openid_hash IS NOT NULL AS by_wechat, w.consent_version, "
				+ "w.registered_at, w.on_leaderboard, w.created_at, w.erased_at, w.erasure_reason FROM worker w "
				+ "LEFT JOIN organisation o ON o.id = w.org_id WHERE w.id = :worker")
			.bind("worker", worker)
			.map(row -> new Held(worker, row.get("union_id", String.class), row.get("org_id", String.class),
					row.get("org_name", String.class), open(row.get("name_sealed", byte[].class)),
					open(row.get("phone_sealed", byte[].class)), row.get("by_phone", Boolean.class),
					row.get("by_wechat", Boolean.class), row.get("consent_version", String.class),
					row.get("registered_at", Instant.class), row.get("on_leaderboard", Boolean.class),
					row.get("created_at", Instant.class), row.get("erased_at", Instant.class),
					row.get("erasure_reason", String.class), List.of(), List.of()))
			.one();
		Mono<List<Attempt>> attempts = db.sql("SELECT campaign_id, campaign_day, correct_count, question_count, "
				+ "submitted_at FROM attempt WHERE worker_id = :worker ORDER BY submitted_at")
			.bind("worker", worker)
			.map(row -> new Attempt(row.get("campaign_id", String.class), row.get("campaign_day", LocalDate.class),
					row.get("correct_count", Integer.class), row.get("question_count", Integer.class),
					row.get("submitted_at", Instant.class)))
			.all()
			.collectList();
		Mono<List<Draw>> draws = db.sql("SELECT campaign_id, draw_number, status, prize_name, requested_at FROM draw "
				+ "WHERE worker_id = :worker ORDER BY requested_at")
			.bind("worker", worker)
			.map(row -> new Draw(row.get("campaign_id", String.class), row.get("draw_number", Integer.class),
					row.get("status", String.class), row.get("prize_name", String.class),
					row.get("requested_at", Instant.class)))
			.all()
			.collectList();
		return Mono.zip(profile, attempts, draws)
			.map(all -> all.getT1().with(all.getT2(), all.getT3()));
	}

	private String open(byte[] sealed) {
		return sealed == null ? null : personalData.open(sealed);
	}

	/**
	 * What is held about a worker. Name and phone in full: this copy goes to the worker alone.
	 *
	 * @param signInByPhone whether a keyed fingerprint of a phone number finds this worker at sign-in
	 * @param signInByWeChat whether a keyed fingerprint of a WeChat openid finds this worker
	 * @param erasureReason {@code worker-request} or {@code retention} once erased
	 */
	record Held(UUID workerId, String unionId, String orgId, String orgName, String name, String phone,
			boolean signInByPhone, boolean signInByWeChat, String consentVersion, Instant registeredAt,
			boolean onLeaderboard, Instant firstSignedInAt, Instant erasedAt, String erasureReason,
			List<Attempt> attempts, List<Draw> draws) {

		Held with(List<Attempt> attempts, List<Draw> draws) {
			return new Held(workerId, unionId, orgId, orgName, name, phone, signInByPhone, signInByWeChat,
					consentVersion, registeredAt, onLeaderboard, firstSignedInAt, erasedAt, erasureReason, attempts, draws);
		}
	}

	record Attempt(String campaignId, LocalDate campaignDay, int correctCount, int questionCount, Instant submittedAt) {
	}

	record Draw(String campaignId, int drawNumber, String status, String prizeName, Instant requestedAt) {
	}
}
