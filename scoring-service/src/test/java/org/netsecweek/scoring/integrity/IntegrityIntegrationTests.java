package org.netsecweek.scoring.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.netsecweek.platform.outbox.OutboxSettings;
import org.netsecweek.platform.security.Role;
import org.netsecweek.platform.security.Tokens;
import org.netsecweek.scoring.ScoringIntegrationTest;
import org.netsecweek.scoring.TestLedger;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The integrity check passes on a ledger the service wrote and names the worker when a rule is broken behind its
 * back (each test repairs what it broke, since the tests of this class share a database).
 */
@ScoringIntegrationTest
class IntegrityIntegrationTests {

	@Autowired
	DatabaseClient db;

	@Autowired
	OutboxSettings topics;

	@Autowired
	Tokens tokens;

	@Autowired
	WebTestClient web;

	@Autowired
	MeterRegistry meters;

	@Value("${netsec.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void anHonestLedgerPassesAndATotalChangedBehindItsBackIsFound() {
		TestLedger ledger = ledger();
		UUID worker = ledger.workerWith("daqing", 23, 2);
		check().jsonPath("$.passed").isEqualTo(true).jsonPath("$.problemCounts.total-differs-from-ledger").isEqualTo(0);

		sql("UPDATE points_total SET total = total + 10 WHERE worker_id = '" + worker + "'");
		try {
			check().jsonPath("$.passed").isEqualTo(false)
				.jsonPath("$.problemCounts.total-differs-from-ledger").isEqualTo(1)
				.jsonPath("$.problems[0].workerId").isEqualTo(worker.toString())
				.jsonPath("$.problems[0].detail").isEqualTo("total 33, ledger sum 23");
			assertThat(meters.get("ledger.integrity.problems").tags("campaign", "hlj-2022", "check",
					"total-differs-from-ledger").gauge().value()).isEqualTo(1.0);
		}
		finally {
			sql("UPDATE points_total SET total = total - 10 WHERE worker_id = '" + worker + "'");
		}
		check().jsonPath("$.passed").isEqualTo(true);
	}

	@Test
	void drawsBeyondThePointsAndAnEntryBreakingTheRulesAreFound() {
		TestLedger ledger = ledger();
		UUID worker = ledger.workerWith("yichun", 12, 1);
		sql("INSERT INTO draw_spent (draw_id, campaign_id, worker_id) VALUES ('" + UUID.randomUUID() + "', 'hlj-2022', '"
				+ worker + "')");
		sql("UPDATE ledger_entry SET correct_count = 11 WHERE worker_id = '" + worker + "' AND points = 10");
		try {
			check().jsonPath("$.passed").isEqualTo(false)
				.jsonPath("$.problemCounts.draws-beyond-points").isEqualTo(1)
				.jsonPath("$.problemCounts.entry-breaks-rules").isEqualTo(1)
				.jsonPath("$.problems[?(@.check == 'draws-beyond-points')].detail").isEqualTo("used 2 draws, total 12 earns 1");
		}
		finally {
			sql("DELETE FROM draw_spent WHERE worker_id = '" + worker + "' AND draw_id NOT IN "
					+ "(SELECT draw_id FROM draw_spent WHERE worker_id = '" + worker + "' ORDER BY recorded_at LIMIT 1)");
			sql("UPDATE ledger_entry SET correct_count = 10 WHERE worker_id = '" + worker + "' AND points = 10");
		}
		check().jsonPath("$.passed").isEqualTo(true);
	}

	@Test
	void onlyProvinceAdminsMayRunIt() {
		web.get().uri("/api/admin/integrity?campaignId=hlj-2022")
			.headers(h -> h.setBearerAuth(ledger().admin(Role.UNION_ADMIN, "harbin"))).exchange()
			.expectStatus().isForbidden();
		web.get().uri("/api/admin/integrity?campaignId=nope")
			.headers(h -> h.setBearerAuth(ledger().admin(Role.PROVINCE_ADMIN, null))).exchange()
			.expectStatus().isNotFound();
	}

	private WebTestClient.BodyContentSpec check() {
		return web.get().uri("/api/admin/integrity?campaignId=hlj-2022")
			.headers(h -> h.setBearerAuth(ledger().admin(Role.PROVINCE_ADMIN, null))).exchange()
			.expectStatus().isOk()
			.expectBody();
	}

	private void sql(String statement) {
		db.sql(statement).then().block();
	}

	private TestLedger ledger() {
		return new TestLedger(db, topics, bootstrapServers, tokens);
	}
}
