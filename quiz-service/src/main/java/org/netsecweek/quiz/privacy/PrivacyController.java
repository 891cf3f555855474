package org.netsecweek.quiz.privacy;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.netsecweek.platform.security.Caller;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A worker's rights over their data (see, withdraw consent and erase), and the log of who saw contact details. */
@RestController
@Tag(name = "privacy", description = "个人信息: a worker's own copy and erasure; the contact-access log")
class PrivacyController {

	private final WorkerData data;

	private final Erasure erasure;

	private final DatabaseClient db;

	PrivacyController(WorkerData data, Erasure erasure, DatabaseClient db) {
		this.data = data;
		this.erasure = erasure;
		this.db = db;
	}

	@GetMapping("/api/me/data")
	@Operation(summary = "Everything held about the signed-in worker, personal data in full (their own copy)")
	Mono<WorkerData.Held> mine(@AuthenticationPrincipal Jwt jwt) {
		return data.of(Caller.of(jwt).workerId());
	}

	@DeleteMapping("/api/me")
	@Operation(summary = "Withdraw consent and erase the worker's name and phone",
			description = "The pseudonymous id, union, organisation, attempts, points and draws stay, so the figures "
					+ "do not change; the worker leaves the leaderboards. A prize not yet sent cannot be delivered "
					+ "without contact details. Signing in again with the same phone finds the same pseudonymous "
					+ "worker (one attempt a day still holds), who may register again. A repeat answers the same.")
	Mono<Erased> erase(@AuthenticationPrincipal Jwt jwt) {
		return erasure.atWorkersRequest(Caller.of(jwt).workerId())
			.map(changed -> new Erased(true, changed ? "你的姓名和手机号已删除，同意已撤回。答题和抽奖记录以匿名编号保留，用于统计。"
					: "你的个人信息此前已删除，无需再次操作。"));
	}

	@GetMapping("/api/admin/contact-access")
	@Operation(summary = "Who looked at full contact details (the delivery list), when, why and how many people, "
			+ "newest first; province admins only")
	@ApiResponse(responseCode = "403", description = "Not a province admin", content = @Content(mediaType = "application/problem+json"))
	Mono<List<Access>> accessLog(@RequestParam(defaultValue = "200") int limit) {
		// province admins only: netsec.security.province-paths refuses everyone else before this runs
		return db.sql("SELECT admin, role, union_id, campaign_id, people, purpose, accessed_at FROM contact_access "
				+ "ORDER BY id DESC LIMIT :limit")
			.bind("limit", Math.max(1, Math.min(limit, 1000)))
			.map(row -> new Access(row.get("admin", String.class), row.get("role", String.class),
					row.get("union_id", String.class), row.get("campaign_id", String.class),
					row.get("people", Integer.class), row.get("purpose", String.class),
					row.get("accessed_at", Instant.class)))
			.all()
			.collectList();
	}

	record Erased(boolean erased, String message) {
	}

	/** One look at the delivery list. */
	record Access(String admin, String role, String unionId, String campaignId, int people, String purpose,
			Instant accessedAt) {
	}
}
