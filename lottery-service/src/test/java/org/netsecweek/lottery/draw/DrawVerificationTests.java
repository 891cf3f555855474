package org.netsecweek.lottery.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netsecweek.lottery.fairness.Seed;
import org.netsecweek.lottery.prize.Prize;
import org.netsecweek.lottery.prize.PrizePool;
import org.netsecweek.platform.campaign.CampaignDefinition.OutOfStock;
import org.netsecweek.platform.campaign.CampaignDefinition.Release;
import tools.jackson.databind.json.JsonMapper;

class DrawVerificationTests {

	private static final byte[] SECRET = HexFormat.of()
		.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

	private static final Seed SEED = Seed.of("demo", SECRET);

	/** Few units and high weights, so prizes run out during the log and the replay must track the stock. */
	private static final List<DrawLogExport.PoolPrize> POOL = List.of(
			new DrawLogExport.PoolPrize("power-bank", "充电宝", 30, 2),
			new DrawLogExport.PoolPrize("tote-bag", "定制帆布袋", 60, 5));

	/** Released daily over four days, so the replay must track both the days and the units won. */
	private final DrawLogExport honest = honestLog(200, OutOfStock.DRAW_AGAIN, Release.DAILY, 4);

	@Test
	void anHonestLogPasses() {
		DrawVerification.Result result = DrawVerification.verify(honest, SEED);

		assertThat(result.passed()).isTrue();
		assertThat(result.mismatches()).isEmpty();
		assertThat(result.draws()).isEqualTo(200);
		assertThat(honest.entries().stream().filter(entry -> "power-bank".equals(entry.prizeId()))).hasSize(2);
	}

	@Test
	void anotherSeedFailsTheCommitmentAndEveryHmac() {
		Seed other = Seed.of("demo", new byte[32]);

		DrawVerification.Result result = DrawVerification.verify(honest, other);

		assertThat(result.passed()).isFalse();
		assertThat(result.mismatches()).extracting(DrawVerification.Mismatch::field)
			.contains("seedCommitment")
			.filteredOn("drawHmac"::equals)
			.hasSize(200);
	}

	@Test
	void aChangedOutcomeShowsAtItsEntry() {
		DrawLogExport.LoggedDraw winner = honest.entries().stream().filter(e -> e.prizeId() != null).findFirst().get();

		var result = DrawVerification.verify(replace(winner.seq(),
				e -> new DrawLogExport.LoggedDraw(e.seq(), e.drawId(), e.drawHmac(), "NO_PRIZE", null,
						e.day(), e.previousHash(), e.hash())), SEED);

		assertThat(fieldsAt(result, winner.seq())).containsExactly("outcome", "prizeId", "hash");
		assertThat(fieldsAt(result, winner.seq() + 1)).containsExactly("previousHash");
	}

	@Test
	void aChangedHashShowsAtItsEntry() {
		var result = DrawVerification.verify(replace(10, e -> new DrawLogExport.LoggedDraw(e.seq(), e.drawId(),
				e.drawHmac(), e.outcome(), e.prizeId(), e.day(), e.previousHash(), "f".repeat(64))), SEED);

		assertThat(result.mismatches()).extracting(DrawVerification.Mismatch::seq, DrawVerification.Mismatch::field)
			.containsExactly(tuple(10L, "hash"));
	}

	@Test
	void aDroppedEntryShowsInTheSequenceAndTheChain() {
		List<DrawLogExport.LoggedDraw> entries = new ArrayList<>(honest.entries());
		entries.remove(49);

		var result = DrawVerification.verify(with(entries), SEED);

		assertThat(fieldsAt(result, 51)).contains("seq", "previousHash");
	}

	@Test
	void aLogOfTheNoPrizePolicyPassesAndGivesAwayNoMoreThanTheQuantity() {
		DrawLogExport noPrize = honestLog(200, OutOfStock.NO_PRIZE, Release.DAILY, 4);

		assertThat(DrawVerification.verify(noPrize, SEED).mismatches()).isEmpty();
		assertThat(noPrize.entries().stream().filter(e -> e.prizeId() != null)).hasSize(7);
		// the same numbers under DRAW_AGAIN would have given other outcomes
		assertThat(DrawVerification.verify(new DrawLogExport("demo", noPrize.seedCommitment(), 100,
				OutOfStock.DRAW_AGAIN, Release.DAILY, 4, POOL, noPrize.lastSeq(), noPrize.lastHash(),
				noPrize.entries()), SEED).mismatches()).extracting(DrawVerification.Mismatch::field).contains("outcome");
	}

	@Test
	void aLogClaimingEverythingWasReleasedAtOnceFailsWherePrizesWereNotYetReleased() {
		var result = DrawVerification.verify(new DrawLogExport("demo", honest.seedCommitment(), 100,
				OutOfStock.DRAW_AGAIN, Release.ALL_AT_ONCE, 4, POOL, honest.lastSeq(), honest.lastHash(),
				honest.entries()), SEED);

		assertThat(result.passed()).isFalse();
		assertThat(result.mismatches()).extracting(DrawVerification.Mismatch::field).contains("outcome");
	}

	@Test
	void aChangedDayBreaksTheHashAndADayGoingBackIsReported() {
		DrawLogExport.LoggedDraw late = honest.entries().get(150);

		var result = DrawVerification.verify(replace(late.seq(), e -> new DrawLogExport.LoggedDraw(e.seq(),
				e.drawId(), e.drawHmac(), e.outcome(), e.prizeId(), 1, e.previousHash(), e.hash())), SEED);

		assertThat(late.day()).isEqualTo(4);
		assertThat(fieldsAt(result, late.seq())).contains("day", "hash");
	}

	@Test
	void aDroppedLastEntryShowsAtTheHead() {
		List<DrawLogExport.LoggedDraw> entries = new ArrayList<>(honest.entries());
		entries.remove(entries.size() - 1);

		var result = DrawVerification.verify(with(entries), SEED);

		assertThat(result.mismatches()).extracting(DrawVerification.Mismatch::field).containsExactly("head");
	}

	@Test
	void theCommandPrintsTheResultAndExitsOneOnAMismatch(@TempDir Path dir) throws Exception {
		Path seed = Files.writeString(dir.resolve("seed.txt"), HexFormat.of().formatHex(SECRET) + "\n");
		Path log = dir.resolve("log.json");
		JsonMapper json = JsonMapper.builder().build();

		Files.writeString(log, json.writeValueAsString(honest));
		assertThat(command(log, seed)).startsWith("0 ").contains("200 draws, 0 mismatches", "PASSED");

		Files.writeString(log, json.writeValueAsString(replace(7, e -> new DrawLogExport.LoggedDraw(e.seq(),
				e.drawId(), "00" + e.drawHmac().substring(2), e.outcome(), e.prizeId(), e.day(), e.previousHash(), e.hash()))));
		assertThat(command(log, seed)).startsWith("1 ").contains("MISMATCH seq=7", "drawHmac", "FAILED");

		assertThat(command(log, dir.resolve("missing.txt"))).startsWith("2 ");
	}

	private static String command(Path log, Path seed) {
		var out = new ByteArrayOutputStream();
		var stream = new PrintStream(out, true, StandardCharsets.UTF_8);
		int status = VerifyDraws.run(new String[] { log.toString(), seed.toString() }, stream, stream);
		return status + " " + out.toString(StandardCharsets.UTF_8);
	}

	private static List<String> fieldsAt(DrawVerification.Result result, long seq) {
		return result.mismatches().stream().filter(m -> m.seq() == seq).map(DrawVerification.Mismatch::field).toList();
	}

	private DrawLogExport replace(long seq, UnaryOperator<DrawLogExport.LoggedDraw> change) {
		return with(honest.entries().stream().map(e -> e.seq() == seq ? change.apply(e) : e).toList());
	}

	private DrawLogExport with(List<DrawLogExport.LoggedDraw> entries) {
		return new DrawLogExport(honest.campaignId(), honest.seedCommitment(), honest.noPrizeWeight(),
				honest.whenOutOfStock(), honest.release(), honest.days(), honest.prizes(), honest.lastSeq(),
				honest.lastHash(), entries);
	}

	/**
	 * Draws as the service performs them: each number mapped onto what its day has available after its predecessors'
	 * wins, then chained; the draws spread evenly over the campaign's days.
	 */
	private static DrawLogExport honestLog(int draws, OutOfStock policy, Release release, int days) {
		PrizePool pool = new PrizePool("demo", 100, policy, release, days, POOL.stream()
			.map(p -> new Prize(p.id(), p.name(), p.weight(), p.quantity(), p.quantity()))
			.toList());
		Random random = new Random(3);
		List<DrawLogExport.LoggedDraw> entries = new ArrayList<>();
		String previous = ChainHash.GENESIS;
		for (long seq = 1; seq <= draws; seq++) {
			int day = (int) (1 + (seq - 1) * days / draws);
			UUID drawId = new UUID(random.nextLong(), random.nextLong());
			byte[] hmac = SEED.hmac(drawId);
			Optional<Prize> won = PrizeSelection.select(hmac, pool, day);
			if (won.isPresent()) {
				pool = pool.afterWinning(won.get().id());
			}
			String outcome = won.isPresent() ? "PRIZE" : "NO_PRIZE";
			String prizeId = won.map(Prize::id).orElse(null);
			String hex = HexFormat.of().formatHex(hmac);
			String hash = ChainHash.of(previous, drawId, hex, outcome, prizeId, day);
			entries.add(new DrawLogExport.LoggedDraw(seq, drawId, hex, outcome, prizeId, day, previous, hash));
			previous = hash;
		}
		return new DrawLogExport("demo", SEED.commitment(), 100, policy, release, days, POOL, draws, previous, entries);
	}
}
