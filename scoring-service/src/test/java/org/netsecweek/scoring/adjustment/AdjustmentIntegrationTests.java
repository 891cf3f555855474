package org.netsecweek.scoring.adjustment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.netsecweek.events.Topics;
import org.netsecweek.infra.Concurrently;
import org.netsecweek.infra.KafkaProbe;
import org.netsecweek.platform.outbox.OutboxSettings;
import org.netsecweek.platform.security.Role;
import org.netsecweek.platform.security.Tokens;
import org.netsecweek.scoring.ScoringIntegrationTest;
import org.netsecweek.scoring.TestLedger;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Adjustments against the real broker and database: the worker's points arrive as events, as in production. */
@ScoringIntegrationTest
class AdjustmentIntegrationTests {

	@Autowired
	DatabaseClient db;

	@Autowired
	OutboxSettings topics;

	@Autowired
	Tokens tokens;

	@Autowired
	WebTestClient web;

	@Value("${netsec.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void anAdjustmentIsAuditedAnnouncedAndNeverTakesAwayPointsSpentOnDraws() {
		UUID worker = workerWith("jixi", 17, 1);
		String jixi = admin(Role.UNION_ADMIN, "jixi");

		adjust(jixi, UUID.randomUUID(), worker, -8, "答题作弊，扣分").expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.code").isEqualTo("below-points-spent")
			.jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("9 分", "10 分"));
		assertThat(total(worker)).isEqualTo(17);

		UUID adjustment = UUID.randomUUID();
		adjust(jixi, adjustment, worker, -7, "重复参与，扣除多得积分").expectStatus().isCreated()
			.expectBody().jsonPath("$.totalAfter").isEqualTo(10).jsonPath("$.drawsEarned").isEqualTo(1)
			.jsonPath("$.madeBy").isEqualTo("staff-jixi").jsonPath("$.points").isEqualTo(-7);

		assertThat(total(worker)).isEqualTo(10).isEqualTo(ledgerSum(worker));
		assertThat(db.sql("SELECT made_by, reason, sequence, total_after FROM ledger_entry WHERE adjustment_id = :a")
			.bind("a", adjustment)
			.map(row -> row.get("made_by") + "|" + row.get("reason") + "|" + row.get("sequence") + "|"
					+ row.get("total_after"))
			.one()
			.block()).isEqualTo("staff-jixi|管理员调整：重复参与，扣除多得积分|3|10");
		List<String> announced = new KafkaProbe(bootstrapServers).read(topics.topic(Topics.POINTS_AWARDED),
				value -> value.contains(adjustment.toString()), 1, Duration.ofSeconds(60));
		assertThat(announced.get(0)).contains("\"points\":-7", "\"newTotal\":10", "\"drawsEarned\":1",
				"\"sequence\":3", "\"attemptId\":null");
	}

	@Test
	void aRepeatAnswersWithTheFirstResultAndAReusedIdIsRefused() {
		UUID worker = workerWith("hegang", 12, 0);
		String province = admin(Role.PROVINCE_ADMIN, null);
		UUID adjustment = UUID.randomUUID();

		adjust(province, adjustment, worker, 3, "线下活动补录").expectStatus().isCreated();
		adjust(province, adjustment, worker, 3, "线下活动补录").expectStatus().isOk()
			.expectBody().jsonPath("$.totalAfter").isEqualTo(15);
		adjust(province, adjustment, worker, 5, "线下活动补录").expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.code").isEqualTo("adjustment-id-reused");

		assertThat(total(worker)).isEqualTo(15).isEqualTo(ledgerSum(worker));
		web.get().uri("/api/admin/adjustments?campaignId=hlj-2022&workerId=" + worker)
			.headers(h -> h.setBearerAuth(province)).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].reason").isEqualTo("管理员调整：线下活动补录");
	}

	@Test
	void badRequestsAreRefusedWithAReason() {
		UUID worker = workerWith("heihe", 5, 0);

		adjust(admin(Role.UNION_ADMIN, "jixi"), UUID.randomUUID(), worker, 1, "不是本工会").expectStatus().isForbidden();
		adjust(admin(Role.PROVINCE_ADMIN, null), UUID.randomUUID(), worker, 0, "零分").expectStatus().isBadRequest();
		adjust(admin(Role.PROVINCE_ADMIN, null), UUID.randomUUID(), worker, 2, " ").expectStatus().isBadRequest();
		adjust(admin(Role.PROVINCE_ADMIN, null), UUID.randomUUID(), UUID.randomUUID(), 2, "查无此人").expectStatus()
			.isNotFound();
		adjust(admin(Role.PROVINCE_ADMIN, null), UUID.randomUUID(), worker, -6, "扣成负数").expectStatus().isEqualTo(409);
		web.post().uri("/api/admin/adjustments").headers(h -> h.setBearerAuth(worker(worker)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("adjustmentId", UUID.randomUUID(), "workerId", worker, "points", 100, "reason", "自己加分"))
			.exchange()
			.expectStatus().isForbidden();

		assertThat(total(worker)).isEqualTo(5);
	}

	@Test
	void concurrentDeductionsStopExactlyAtThePointsSpent() throws Exception {
		UUID worker = workerWith("qitaihe", 15, 1);
		String province = admin(Role.PROVINCE_ADMIN, null);
		AtomicInteger made = new AtomicInteger();

		Concurrently.run(20, i -> {
			int status = adjust(province, UUID.randomUUID(), worker, -1, "逐分扣减 " + i).returnResult(String.class)
				.getStatus()
				.value();
			if (status == 201) {
				made.incrementAndGet();
			}
		});

		assertThat(made.get()).isEqualTo(5);
		assertThat(total(worker)).isEqualTo(10).isEqualTo(ledgerSum(worker));
		assertThat(db.sql("SELECT max(sequence) AS s, count(*) AS n FROM ledger_entry WHERE worker_id = :w")
			.bind("w", worker)
			.map(row -> row.get("s", Long.class) + "/" + row.get("n", Long.class))
			.one()
			.block()).isEqualTo("7/7");
	}

	private WebTestClient.ResponseSpec adjust(String token, UUID adjustment, UUID worker, int points, String reason) {
		return web.post().uri("/api/admin/adjustments").headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("adjustmentId", adjustment, "campaignId", "hlj-2022", "workerId", worker, "points", points,
					"reason", reason))
			.exchange();
	}

	private UUID workerWith(String union, int points, int draws) {
		return ledger().workerWith(union, points, draws);
	}

	private String admin(Role role, String union) {
		return ledger().admin(role, union);
	}

	private String worker(UUID worker) {
		return ledger().worker(worker);
	}

	private int total(UUID worker) {
		return ledger().total(worker);
	}

	private int ledgerSum(UUID worker) {
		return ledger().ledgerSum(worker);
	}

	private TestLedger ledger() {
		return new TestLedger(db, topics, bootstrapServers, tokens);
	}
}
