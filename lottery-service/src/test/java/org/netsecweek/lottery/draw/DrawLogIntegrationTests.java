package org.netsecweek.lottery.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netsecweek.lottery.TestEvents.drawRequested;
import static org.netsecweek.lottery.TestEvents.pointsAwarded;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netsecweek.infra.Concurrently;
import org.netsecweek.events.scoring.PointsAwarded;
import org.netsecweek.platform.inbox.EventHandler;
import org.netsecweek.lottery.LotteryIntegrationTest;
import org.netsecweek.lottery.TestProofs;
import org.netsecweek.lottery.prize.Prize;
import org.netsecweek.lottery.prize.PrizePool;
import org.netsecweek.platform.campaign.CampaignDefinition.OutOfStock;
import org.netsecweek.platform.campaign.CampaignDefinition.Release;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.r2dbc.core.DatabaseClient;

/** The demo campaign's draw log, checked as an outside verifier would check it once the seed is revealed. */
@LotteryIntegrationTest
class DrawLogIntegrationTests {

	@Autowired
	PerformDraw performDraw;

	@Autowired
	@Qualifier("recordEntitlement")
	EventHandler<PointsAwarded> recordEntitlement;

	@Autowired
	DatabaseClient db;

	@BeforeEach
	void twelveWorkersDrawTwiceAtOnce() throws Exception {
		List<UUID> workers = IntStream.range(0, 12).mapToObj(i -> UUID.randomUUID()).toList();
		Concurrently.run(12, i -> recordEntitlement.accept(pointsAwarded("demo", workers.get(i), 2)));
		Concurrently.run(24, i -> performDraw.accept(drawRequested("demo", workers.get(i / 2), i % 2 + 1)));
	}

	@Test
	void everyEntryRecomputesAndLinksToThePreviousOne() {
		List<Map<String, Object>> log = log();
		assertThat(log).hasSizeGreaterThanOrEqualTo(24);

		String previous = "0".repeat(64);
		long seq = 0;
		for (Map<String, Object> entry : log) {
			assertThat(entry.get("seq")).isEqualTo(++seq);
			assertThat(entry.get("previous_hash")).isEqualTo(previous);
			String prizeId = entry.get("prize_id") == null ? "" : (String) entry.get("prize_id");
			assertThat((Integer) entry.get("day")).isPositive(); // 1, unless the test runs across midnight in Harbin
			String hash = TestProofs.sha256Hex(String.join("|", previous, entry.get("draw_id").toString(),
					(String) entry.get("draw_hmac"), (String) entry.get("outcome"), prizeId, entry.get("day").toString()));
			assertThat(entry.get("hash")).isEqualTo(hash);
			assertThat(db.sql("SELECT log_hash FROM draw WHERE draw_id = :draw")
				.bind("draw", entry.get("draw_id"))
				.map(row -> row.get("log_hash", String.class))
				.one()
				.block()).isEqualTo(hash);
			previous = hash;
		}
		assertThat(db.sql("SELECT last_seq, last_hash FROM draw_log_head WHERE campaign_id = 'demo'")
			.map(row -> List.of(row.get("last_seq", Long.class), row.get("last_hash", String.class)))
			.one()
			.block()).containsExactly(seq, previous);
	}

	/** The demo campaign is hlj-2022 moved to today: seven days, prizes released daily, drawn again when out. */
	@Test
	void replayingTheLogWithTheRevealedSeedReproducesEveryOutcomeAndTheStockLeft() {
		byte[] seed = TestProofs.storedSeed(db, "demo");
		int noPrizeWeight = db.sql("SELECT no_prize_weight FROM prize_pool WHERE campaign_id = 'demo'")
			.map(row -> row.get("no_prize_weight", Integer.class))
			.one()
			.block();
		Map<String, Prize> stock = new LinkedHashMap<>();
		for (Prize prize : prizes()) {
			stock.put(prize.id(), new Prize(prize.id(), prize.name(), prize.weight(), prize.quantity(), prize.quantity()));
		}

		for (Map<String, Object> entry : log()) {
			byte[] hmac = TestProofs.hmac(seed, (UUID) entry.get("draw_id"));
			assertThat(entry.get("draw_hmac")).isEqualTo(HexFormat.of().formatHex(hmac));
			Optional<Prize> expected = PrizeSelection.select(hmac, new PrizePool("demo", noPrizeWeight,
					OutOfStock.DRAW_AGAIN, Release.DAILY, 7, new ArrayList<>(stock.values())), (Integer) entry.get("day"));
			assertThat(entry.get("prize_id")).isEqualTo(expected.map(Prize::id).orElse(null));
			assertThat(entry.get("outcome")).isEqualTo(expected.isPresent() ? "PRIZE" : "NO_PRIZE");
			expected.ifPresent(won -> stock.put(won.id(),
					new Prize(won.id(), won.name(), won.weight(), won.quantity(), won.stockLeft() - 1)));
		}

		assertThat(prizes()).containsExactlyElementsOf(stock.values());
	}

	private List<Map<String, Object>> log() {
		return db.sql("SELECT seq, draw_id, draw_hmac, outcome, prize_id, day, previous_hash, hash FROM draw_log "
				+ "WHERE campaign_id = 'demo' ORDER BY seq")
			.fetch()
			.all()
			.collectList()
			.block();
	}

	private List<Prize> prizes() {
		return db.sql("SELECT prize_id, name, weight, quantity, stock_left FROM prize WHERE campaign_id = 'demo' "
				+ "ORDER BY position, prize_id")
			.map(row -> new Prize(row.get("prize_id", String.class), row.get("name", String.class),
					row.get("weight", Integer.class), row.get("quantity", Integer.class),
					row.get("stock_left", Integer.class)))
			.all()
			.collectList()
			.block();
	}
}
