package org.netsecweek.lottery.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.netsecweek.infra.Concurrently;
import org.netsecweek.lottery.LotteryIntegrationTest;
import org.netsecweek.lottery.TestProofs;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@LotteryIntegrationTest
class FairnessIntegrationTests {

	@Autowired
	FairnessSeeds seeds;

	@Autowired
	DatabaseClient db;

	@Autowired
	WebTestClient web;

	@Test
	void anyoneMayReadTheCommitmentAndItIsTheHashOfTheStoredSeed() {
		String first = commitment("hlj-2022");

		assertThat(first).matches("[0-9a-f]{64}").isEqualTo(TestProofs.sha256Hex(TestProofs.storedSeed(db, "hlj-2022")));
		assertThat(commitment("hlj-2022")).isEqualTo(first);
		assertThat(commitment("demo")).isNotEqualTo(first);
	}

	@Test
	void theSeedOfAnEndedCampaignIsRevealedAndMatchesItsCommitment() {
		AtomicReference<String> seed = new AtomicReference<>();
		web.get().uri("/api/fairness/hlj-2022").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.revealsAt").isEqualTo("2022-09-11T16:00:00Z")
			.jsonPath("$.seed").value(value -> seed.set((String) value));

		assertThat(seed.get()).matches("[0-9a-f]{64}");
		assertThat(HexFormat.of().parseHex(seed.get())).isEqualTo(TestProofs.storedSeed(db, "hlj-2022"));
		assertThat(TestProofs.sha256Hex(HexFormat.of().parseHex(seed.get()))).isEqualTo(commitment("hlj-2022"));
	}

	@Test
	void theSeedOfARunningCampaignStaysSecret() {
		web.get().uri("/api/fairness/always-open").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.seedCommitment").isNotEmpty()
			.jsonPath("$.revealsAt").isEqualTo("2099-12-30T16:00:00Z")
			.jsonPath("$.seed").doesNotExist();
	}

	@Test
	void concurrentFirstUsesAgreeOnOneSeed() throws Exception {
		Set<String> commitments = ConcurrentHashMap.newKeySet();

		Concurrently.run(16, i -> commitments.add(seeds.seedOf("first-use").block().commitment()));

		assertThat(commitments).hasSize(1);
		assertThat(commitments.iterator().next()).isEqualTo(TestProofs.sha256Hex(TestProofs.storedSeed(db, "first-use")));
	}

	@Test
	void anUnknownCampaignHasNoCommitment() {
		web.get().uri("/api/fairness/no-such-campaign").exchange()
			.expectStatus().isNotFound()
			.expectBody().jsonPath("$.code").isEqualTo("unknown-campaign");
		assertThat(db.sql("SELECT count(*) AS n FROM fairness_seed WHERE campaign_id = 'no-such-campaign'")
			.map(row -> row.get("n", Long.class))
			.one()
			.block()).isZero();
	}

	private String commitment(String campaignId) {
		AtomicReference<String> commitment = new AtomicReference<>();
		web.get().uri("/api/fairness/{campaign}", campaignId).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.campaignId").isEqualTo(campaignId)
			.jsonPath("$.howToVerify").isNotEmpty()
			.jsonPath("$.seedCommitment").value(value -> commitment.set((String) value));
		return commitment.get();
	}
}
