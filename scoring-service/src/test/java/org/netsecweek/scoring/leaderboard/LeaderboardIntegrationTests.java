package org.netsecweek.scoring.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netsecweek.platform.outbox.OutboxSettings;
import org.netsecweek.platform.security.Role;
import org.netsecweek.platform.security.Tokens;
import org.netsecweek.scoring.ScoringIntegrationTest;
import org.netsecweek.scoring.TestLedger;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@ScoringIntegrationTest
class LeaderboardIntegrationTests {

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
	void aUnionsBoardRanksItsWorkersWithTiesSharingARankAndAveragesPerUnion() {
		TestLedger ledger = new TestLedger(db, topics, bootstrapServers, tokens);
		UUID first = ledger.workerWith("daxinganling", 30, 0);
		UUID tiedA = ledger.workerWith("daxinganling", 20, 0);
		UUID tiedB = ledger.workerWith("daxinganling", 20, 0);
		UUID last = ledger.workerWith("daxinganling", 7, 0);
		String admin = ledger.admin(Role.UNION_ADMIN, "daxinganling");

		List<Map<String, Object>> board = web.get()
			.uri("/api/admin/leaderboards/workers?campaignId=hlj-2022&limit=3")
			.headers(h -> h.setBearerAuth(admin))
			.exchange()
			.expectStatus().isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();

		assertThat(board).extracting(row -> row.get("rank")).containsExactly(1, 2, 2);
		assertThat(board).extracting(row -> row.get("workerId"))
			.containsExactly(first.toString(), tiedA.toString(), tiedB.toString());
		assertThat(board).extracting(row -> row.get("workerId")).doesNotContain(last.toString());

		web.get().uri("/api/admin/leaderboards/unions?campaignId=hlj-2022")
			.headers(h -> h.setBearerAuth(admin))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$[?(@.unionId == 'daxinganling')].workers").isEqualTo(4)
			.jsonPath("$[?(@.unionId == 'daxinganling')].averagePoints").isEqualTo(19.25)
			.jsonPath("$.length()").isEqualTo(14);
	}

	@Test
	void aUnionAdminSeesOnlyTheirOwnUnionsBoard() {
		TestLedger ledger = new TestLedger(db, topics, bootstrapServers, tokens);
		String harbin = ledger.admin(Role.UNION_ADMIN, "harbin");

		web.get().uri("/api/admin/leaderboards/workers?campaignId=hlj-2022&unionId=jixi")
			.headers(h -> h.setBearerAuth(harbin)).exchange().expectStatus().isForbidden();
		web.get().uri("/api/admin/leaderboards/workers?campaignId=hlj-2022&limit=0")
			.headers(h -> h.setBearerAuth(harbin)).exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
		web.get().uri("/api/admin/leaderboards/workers?campaignId=hlj-2022")
			.headers(h -> h.setBearerAuth(harbin)).exchange().expectStatus().isOk();
	}
}
