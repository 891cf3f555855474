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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netsecweek.lottery.fairness.Seed;
import org.netsecweek.lottery.prize.Prize;
import org.netsecweek.lottery.prize.PrizePool;
import tools.jackson.databind.json.JsonMapper;

class DrawVerificationTests {

	private static final byte[] SECRET = HexFormat.of()
		.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

	private static final Seed SEED = Seed.of("demo", SECRET);

	/** Few units and high weights, so prizes run out during the log and the replay must track the stock. */
	private static final List<DrawLogExport.PoolPrize> POOL = List.of(
			new DrawLogExport.PoolPrize("power-bank", "充电宝", 30, 2),
			new DrawLogExport.PoolPrize("tote-bag", "定制帆布袋", 60, 5));

	private final DrawLogExport honest = honestLog(200);

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
						e.previousHash(), e.hash())), SEED);

		assertThat(fieldsAt(result, winner.seq())).containsExactly("outcome", "prizeId", "hash");
		assertThat(fieldsAt(result, winner.seq() + 1)).containsExactly("previousHash");
	}

	@Test
	void aChangedHashShowsAtItsEntry() {
		var result = DrawVerification.verify(replace(10, e -> new DrawLogExport.LoggedDraw(e.seq(), e.drawId(),
				e.drawHmac(), e.outcome(), e.prizeId(), e.previousHash(), "f".repeat(64))), SEED);

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
				e.drawId(), "00" + e.drawHmac().substring(2), e.outcome(), e.prizeId(), e.previousHash(), e.hash()))));
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
				honest.prizes(), honest.lastSeq(), honest.lastHash(), entries);
	}

	/** Draws as the service performs them: each number mapped onto the stock its predecessors left, then chained. */
	private static DrawLogExport honestLog(int draws) {
		Map<String, Prize> stock = new LinkedHashMap<>();
		POOL.forEach(p -> stock.put(p.id(), new Prize(p.id(), p.name(), p.weight(), p.quantity(), p.quantity())));
		Random random = new Random(3);
		List<DrawLogExport.LoggedDraw> entries = new ArrayList<>();
		String previous = ChainHash.GENESIS;
		for (long seq = 1; seq <= draws; seq++) {
			UUID drawId = new UUID(random.nextLong(), random.nextLong());
			byte[] hmac = SEED.hmac(drawId);
			Optional<Prize> won = PrizeSelection.select(hmac, new PrizePool("demo", 100, List.copyOf(stock.values())));
			won.ifPresent(p -> stock.put(p.id(), new Prize(p.id(), p.name(), p.weight(), p.quantity(), p.stockLeft() - 1)));
			String outcome = won.isPresent() ? "PRIZE" : "NO_PRIZE";
			String prizeId = won.map(Prize::id).orElse(null);
			String hex = HexFormat.of().formatHex(hmac);
			String hash = ChainHash.of(previous, drawId, hex, outcome, prizeId);
			entries.add(new DrawLogExport.LoggedDraw(seq, drawId, hex, outcome, prizeId, previous, hash));
			previous = hash;
		}
		return new DrawLogExport("demo", SEED.commitment(), 100, POOL, draws, previous, entries);
	}
}
