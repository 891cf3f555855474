package org.netsecweek.lottery.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.netsecweek.lottery.TestEvents.drawRequested;
import static org.netsecweek.lottery.TestEvents.pointsAwarded;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netsecweek.events.scoring.PointsAwarded;
import org.netsecweek.platform.inbox.EventHandler;
import org.netsecweek.infra.Concurrently;
import org.netsecweek.lottery.LotteryIntegrationTest;
import org.netsecweek.lottery.TestProofs;
import org.netsecweek.lottery.fairness.FairnessSeeds;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Verification of a real log written by the service. Each tampering happens in a transaction that is rolled back
 * after the verification has read the tampered log, so every test starts from the honest log.
 */
@LotteryIntegrationTest
class DrawLogVerificationIntegrationTests {

	/** A campaign of its own (test resources), still running, so nothing else writes its log. */
	private static final String CAMPAIGN = "verifiable";

	@Autowired
	PerformDraw performDraw;

	@Autowired
	@Qualifier("recordEntitlement")
	EventHandler<PointsAwarded> recordEntitlement;

	@Autowired
	DrawLogExports exports;

	@Autowired
	FairnessSeeds seeds;

	@Autowired
	ReactiveTransactionManager transactions;

	@Autowired
	DatabaseClient db;

	@Autowired
	WebTestClient web;

	@Autowired
	JsonMapper json;

	DrawRecords records;

	@BeforeEach
	void twentyWorkersDrawAtOnceWithPrizesLikely() throws Exception {
		records = new DrawRecords(db);
		if (records.count("SELECT count(*) AS n FROM draw_log WHERE campaign_id = '" + CAMPAIGN + "'") > 0) {
			return;
		}
		db.sql("UPDATE prize_pool SET no_prize_weight = 100 WHERE campaign_id = '" + CAMPAIGN + "'").then().block();
		List<UUID> workers = IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID()).toList();
		Concurrently.run(20, i -> recordEntitlement.accept(pointsAwarded(CAMPAIGN, workers.get(i), 1)));
		Concurrently.run(20, i -> performDraw.accept(drawRequested(CAMPAIGN, workers.get(i), 1)));
	}

	@Test
	void anHonestLogPasses() {
		DrawVerification.Result result = verified().block();

		assertThat(result.mismatches()).isEmpty();
		assertThat(result.passed()).isTrue();
		assertThat(result.draws()).isEqualTo(20);
	}

	/** The export as the service's JSON mapper writes it, with the revealed seed, checks out with the command. */
	@Test
	void theCommandVerifiesTheExportAsTheServiceWritesIt(@TempDir Path dir) throws Exception {
		Path log = Files.writeString(dir.resolve("log.json"), json.writeValueAsString(exports.export(CAMPAIGN).block()));
		Path seed = Files.writeString(dir.resolve("seed.txt"),
				HexFormat.of().formatHex(TestProofs.storedSeed(db, CAMPAIGN)));
		var out = new ByteArrayOutputStream();
		var print = new PrintStream(out, true, StandardCharsets.UTF_8);

		assertThat(VerifyDraws.run(new String[] { log.toString(), seed.toString() }, print, print)).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("20 draws, 0 mismatches");
	}

	@Test
	void aChangedOutcomeIsReportedAtItsRecord() {
		long winner = firstWinner();

		var result = tamperedThenVerified("UPDATE draw_log SET outcome = 'NO_PRIZE', prize_id = NULL WHERE campaign_id = '"
				+ CAMPAIGN + "' AND seq = " + winner);

		assertThat(result.passed()).isFalse();
		assertThat(result.mismatches()).extracting(DrawVerification.Mismatch::seq, DrawVerification.Mismatch::field)
			.contains(tuple(winner, "outcome"), tuple(winner, "prizeId"), tuple(winner, "hash"));
	}

	@Test
	void aChangedPrizeIsReportedAtItsRecord() {
		long winner = firstWinner();

		var result = tamperedThenVerified("UPDATE draw_log SET prize_id = CASE WHEN prize_id = 'tote-bag' "
				+ "THEN 'usb-cable' ELSE 'tote-bag' END WHERE campaign_id = '" + CAMPAIGN + "' AND seq = " + winner);

		assertThat(result.mismatches()).extracting(DrawVerification.Mismatch::seq, DrawVerification.Mismatch::field)
			.contains(tuple(winner, "prizeId"), tuple(winner, "hash"))
			.doesNotContain(tuple(winner, "outcome"));
	}

	@Test
	void aChangedHmacIsReportedAtItsRecord() {
		var result = tamperedThenVerified("UPDATE draw_log SET draw_hmac = translate(draw_hmac, '0123456789abcdef', "
				+ "'123456789abcdef0') WHERE campaign_id = '" + CAMPAIGN + "' AND seq = 5");

		assertThat(result.mismatches()).extracting(DrawVerification.Mismatch::seq, DrawVerification.Mismatch::field)
			.contains(tuple(5L, "drawHmac"), tuple(5L, "hash"));
	}

	@Test
	void aDeletedRecordIsReportedWhereTheChainBreaks() {
		var result = tamperedThenVerified("DELETE FROM draw_log WHERE campaign_id = '" + CAMPAIGN + "' AND seq = 7");

		assertThat(result.draws()).isEqualTo(19);
		assertThat(result.mismatches()).extracting(DrawVerification.Mismatch::seq, DrawVerification.Mismatch::field)
			.contains(tuple(8L, "seq"), tuple(8L, "previousHash"));
	}

	@Test
	void theLogAndItsVerificationStaySecretWhileTheCampaignRuns() {
		for (String path : List.of("/api/fairness/{campaign}/log", "/api/fairness/{campaign}/verification")) {
			web.get().uri(path, CAMPAIGN).exchange()
				.expectStatus().isEqualTo(409)
				.expectBody()
				.jsonPath("$.code").isEqualTo("seed-not-revealed")
				.jsonPath("$.title").isEqualTo("开奖种子尚未公布");
		}
	}

	@Test
	void anEndedCampaignsLogIsPublicAndVerifies() {
		String commitment = seeds.seedOf("hlj-2022").block().commitment();

		web.get().uri("/api/fairness/hlj-2022/log").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.campaignId").isEqualTo("hlj-2022")
			.jsonPath("$.seedCommitment").isEqualTo(commitment)
			.jsonPath("$.prizes[0].quantity").isNumber()
			.jsonPath("$.lastHash").isEqualTo(ChainHash.GENESIS)
			.jsonPath("$.entries").isEmpty();
		web.get().uri("/api/fairness/hlj-2022/verification").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.passed").isEqualTo(true)
			.jsonPath("$.draws").isEqualTo(0)
			.jsonPath("$.mismatches").isEmpty();
	}

	private long firstWinner() {
		return records.count("SELECT min(seq) AS n FROM draw_log WHERE campaign_id = '" + CAMPAIGN
				+ "' AND outcome = 'PRIZE'");
	}

	private Mono<DrawVerification.Result> verified() {
		return seeds.seedOf(CAMPAIGN).flatMap(seed -> exports.export(CAMPAIGN).map(log -> DrawVerification.verify(log, seed)));
	}

	private DrawVerification.Result tamperedThenVerified(String tampering) {
		return TransactionalOperator.create(transactions).execute(status -> {
			status.setRollbackOnly();
			return db.sql(tampering).fetch().rowsUpdated().doOnNext(rows -> assertThat(rows).isEqualTo(1))
				.then(verified());
		}).single().block();
	}
}
