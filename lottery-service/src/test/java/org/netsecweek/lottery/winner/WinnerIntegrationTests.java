package org.netsecweek.lottery.winner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netsecweek.lottery.TestEvents.pointsAwarded;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netsecweek.events.quiz.DrawRequested;
import org.netsecweek.events.scoring.PointsAwarded;
import org.netsecweek.platform.inbox.EventHandler;
import org.netsecweek.lottery.LotteryIntegrationTest;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import org.netsecweek.platform.security.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every draw of the "winners" campaign wins a mug: codes, the winners list and the hand-over. */
@LotteryIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class WinnerIntegrationTests {

	private static final String CAMPAIGN = "winners";

	@Autowired
	@Qualifier("recordEntitlement")
	EventHandler<PointsAwarded> recordEntitlement;

	@Autowired
	Consumer<DrawRequested> performDraw;

	@Autowired
	DatabaseClient db;

	@Autowired
	Tokens tokens;

	@Autowired
	WebTestClient web;

	@Autowired
	MeterRegistry meters;

	@Test
	void everyPrizeDrawGetsAUniqueUnambiguousRedemptionCodeCarriedByItsEvent() {
		List<UUID> draws = List.of(win("harbin"), win("harbin"), win("daqing"), win("daqing"), win("harbin"));

		List<String> codes = draws.stream().map(this::code).toList();

		assertThat(codes).doesNotHaveDuplicates()
			.allSatisfy(code -> assertThat(code).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}"));
		for (int i = 0; i < draws.size(); i++) {
			assertThat(db.sql("SELECT payload FROM outbox WHERE event_type = 'DrawCompleted' AND payload LIKE :draw")
				.bind("draw", "%" + draws.get(i) + "%")
				.map(row -> row.get("payload", String.class))
				.one()
				.block()).contains("\"redemptionCode\":\"" + codes.get(i) + "\"", "\"schemaVersion\":2");
		}
	}

	@Test
	void unionAdminsListTheirOwnUnionsWinnersAndProvinceAdminsAnyUnion() {
		UUID harbinDraw = win("harbin");
		UUID daqingDraw = win("daqing");

		web.get().uri("/api/admin/winners?campaignId=winners&size=200").headers(h -> h.setBearerAuth(admin("harbin")))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.unionId").isEqualTo("harbin")
			.jsonPath("$.winners[?(@.unionId != 'harbin')]").isEmpty()
			.jsonPath("$.winners[?(@.drawId == '" + harbinDraw + "')].redemptionCode").isEqualTo(code(harbinDraw))
			.jsonPath("$.winners[?(@.drawId == '" + harbinDraw + "')].value").isEqualTo(25.5)
			.jsonPath("$.winners[?(@.drawId == '" + harbinDraw + "')].prizeName").isEqualTo("马克杯")
			.jsonPath("$.winners[?(@.drawId == '" + harbinDraw + "')].orgId").isEqualTo("harbin-0001")
			.jsonPath("$.winners[?(@.drawId == '" + daqingDraw + "')]").isEmpty();
		web.get().uri("/api/admin/winners?campaignId=winners&unionId=daqing").headers(h -> h.setBearerAuth(admin("harbin")))
			.exchange()
			.expectStatus().isForbidden()
			.expectBody().jsonPath("$.code").isEqualTo("other-union");
		web.get().uri("/api/admin/winners?campaignId=winners&unionId=daqing&size=1")
			.headers(h -> h.setBearerAuth(provinceAdmin()))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.winners.length()").isEqualTo(1)
			.jsonPath("$.winners[0].unionId").isEqualTo("daqing")
			.jsonPath("$.total").value(total -> assertThat(((Number) total).longValue()).isGreaterThanOrEqualTo(1));
		web.get().uri("/api/admin/winners?campaignId=winners&size=0").headers(h -> h.setBearerAuth(provinceAdmin()))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.code").isEqualTo("invalid-page");
		web.get().uri("/api/admin/winners?campaignId=winners").headers(h -> h.setBearerAuth(worker()))
			.exchange()
			.expectStatus().isForbidden();
	}

	@Test
	void aHandOverByDrawIdIsRecordedOnceWithWhoAndWhenAndARepeatAnswersWithTheFirst() {
		UUID draw = win("harbin");
		double delivered = delivered("DRAW_ID");

		web.post().uri("/api/admin/winners/{draw}/delivery", draw).headers(h -> h.setBearerAuth(admin("harbin")))
			.bodyValue(Map.of("note", "由车间工会代领"))
			.exchange()
			.expectStatus().isOk()
			.expectHeader().doesNotExist("Idempotent-Replayed")
			.expectBody()
			.jsonPath("$.drawId").isEqualTo(draw.toString())
			.jsonPath("$.delivery.deliveredBy").isEqualTo("harbin-staff")
			.jsonPath("$.delivery.role").isEqualTo("UNION_ADMIN")
			.jsonPath("$.delivery.via").isEqualTo("DRAW_ID")
			.jsonPath("$.delivery.note").isEqualTo("由车间工会代领")
			.jsonPath("$.delivery.deliveredAt").isNotEmpty();
		web.post().uri("/api/admin/winners/{draw}/delivery", draw).headers(h -> h.setBearerAuth(provinceAdmin()))
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("Idempotent-Replayed", "true")
			.expectBody()
			.jsonPath("$.delivery.deliveredBy").isEqualTo("harbin-staff")
			.jsonPath("$.delivery.note").isEqualTo("由车间工会代领");

		assertThat(db.sql("SELECT count(*) AS n FROM prize_delivery WHERE draw_id = :draw").bind("draw", draw)
			.map(row -> row.get("n", Long.class)).one().block()).isEqualTo(1);
		assertThat(delivered("DRAW_ID")).isEqualTo(delivered + 1);
		web.post().uri("/api/admin/winners/{draw}/delivery", win("harbin")).headers(h -> h.setBearerAuth(admin("daqing")))
			.exchange()
			.expectStatus().isForbidden()
			.expectBody().jsonPath("$.code").isEqualTo("other-union");
		web.post().uri("/api/admin/winners/{draw}/delivery", UUID.randomUUID())
			.headers(h -> h.setBearerAuth(provinceAdmin()))
			.exchange()
			.expectStatus().isNotFound()
			.expectBody().jsonPath("$.code").isEqualTo("winner-not-found");
	}

	@Test
	void staffTypingTheWinnersCodeRecordTheHandOverOnceAndTheCodeNeverReachesTheLog(CapturedOutput output) {
		UUID draw = win("daqing");
		String code = code(draw);
		String typed = code.substring(0, 5).toLowerCase() + "-" + code.substring(5);

		web.post().uri("/api/admin/redemptions").headers(h -> h.setBearerAuth(admin("daqing")))
			.bodyValue(Map.of("code", typed))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.drawId").isEqualTo(draw.toString())
			.jsonPath("$.delivery.via").isEqualTo("REDEMPTION_CODE")
			.jsonPath("$.delivery.deliveredBy").isEqualTo("daqing-staff");
		web.post().uri("/api/admin/redemptions").headers(h -> h.setBearerAuth(admin("daqing")))
			.bodyValue(Map.of("code", code))
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("Idempotent-Replayed", "true");
		web.post().uri("/api/admin/redemptions").headers(h -> h.setBearerAuth(admin("harbin")))
			.bodyValue(Map.of("code", code(win("daqing"))))
			.exchange()
			.expectStatus().isForbidden();
		web.post().uri("/api/admin/redemptions").headers(h -> h.setBearerAuth(admin("daqing")))
			.bodyValue(Map.of("code", "2222222222"))
			.exchange()
			.expectStatus().isNotFound()
			.expectBody().jsonPath("$.code").isEqualTo("redemption-code-not-found");
		web.post().uri("/api/admin/redemptions").headers(h -> h.setBearerAuth(admin("daqing")))
			.bodyValue(Map.of("code", " "))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("code");

		assertThat(output.getAll()).contains("handed over by daqing-staff").doesNotContain(code);
	}

	@Test
	void theApiDescriptionDocumentsTheAdminEndpointsAndTheirProblems() {
		web.get().uri("/v3/api-docs").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.paths['/api/admin/winners'].get.responses['403']").exists()
			.jsonPath("$.paths['/api/admin/winners/{drawId}/delivery'].post.responses['404'].content['application/problem+json']").exists()
			.jsonPath("$.paths['/api/admin/redemptions'].post.responses['404']").exists()
			.jsonPath("$.paths['/api/admin/prizes/{campaignId}'].put.responses['409']").exists()
			.jsonPath("$.paths['/api/admin/prizes/{campaignId}'].put.responses['400']").exists();
	}

	/** A worker of the union draws once in the campaign, where every draw wins; returns the draw id. */
	private UUID win(String union) {
		UUID worker = UUID.randomUUID();
		recordEntitlement.accept(pointsAwarded(CAMPAIGN, worker, 1));
		DrawRequested request = new DrawRequested(UUID.randomUUID(), Instant.now(), CAMPAIGN,
				DrawRequested.SCHEMA_VERSION, worker, UUID.randomUUID(), 1, union, union + "-0001");
		performDraw.accept(request);
		return request.drawId();
	}

	private String code(UUID draw) {
		return db.sql("SELECT redemption_code FROM draw WHERE draw_id = :draw AND status = 'PRIZE'")
			.bind("draw", draw)
			.map(row -> row.get("redemption_code", String.class))
			.one()
			.block();
	}

	private double delivered(String via) {
		var counter = meters.find("prizes.delivered").tag("via", via).counter();
		return counter == null ? 0 : counter.count();
	}

	private String admin(String union) {
		return tokens.issue(new Caller(union + "-staff", Role.UNION_ADMIN, union)).token();
	}

	private String provinceAdmin() {
		return tokens.issue(new Caller("province-staff", Role.PROVINCE_ADMIN, null)).token();
	}

	private String worker() {
		return tokens.issue(new Caller(UUID.randomUUID().toString(), Role.WORKER, null)).token();
	}
}
