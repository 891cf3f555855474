package org.netsecweek.lottery.draw;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.netsecweek.lottery.fairness.Seed;
import org.netsecweek.lottery.prize.Prize;
import org.netsecweek.lottery.prize.PrizePool;

/**
 * Recomputes every draw of a campaign from its exported log and revealed seed, as an outside verifier would, and
 * reports every mismatch. Replays the log in sequence order from nothing won: for each entry the HMAC of its draw
 * id, the outcome that number lands on given the weights, the out-of-stock policy and what each prize had available
 * on the entry's campaign day (released through that day by the release schedule, minus the units the earlier
 * entries won), and the hash chain. Days must never go back along the chain. No Spring, no database: the
 * {@link VerifyDraws} command runs exactly this.
 */
final class DrawVerification {

	private DrawVerification() {
	}

	static Result verify(DrawLogExport log, Seed seed) {
		List<Mismatch> mismatches = new ArrayList<>();
		if (!seed.commitment().equals(log.seedCommitment())) {
			mismatches.add(new Mismatch(0, null, "seedCommitment", seed.commitment(), log.seedCommitment()));
		}
		PrizePool pool = new PrizePool(log.campaignId(), log.noPrizeWeight(), log.whenOutOfStock(), log.release(),
				Math.max(log.days(), 1), log.prizes()
					.stream()
					.map(prize -> new Prize(prize.id(), prize.name(), prize.weight(), prize.quantity(), prize.quantity()))
					.toList());
		String previous = ChainHash.GENESIS;
		long seq = 0;
		int lastDay = 1;
		for (DrawLogExport.LoggedDraw entry : log.entries()) {
			Check check = new Check(entry, mismatches);
			check.field("seq", String.valueOf(++seq), String.valueOf(entry.seq()));
			seq = entry.seq();
			check.field("previousHash", previous, entry.previousHash());
			int day = entry.day() == null ? lastDay : entry.day();
			if (day < lastDay) {
				check.field("day", "≥ " + lastDay, String.valueOf(day));
			}
			lastDay = Math.max(lastDay, day);
			byte[] hmac = seed.hmac(entry.drawId());
			check.field("drawHmac", HexFormat.of().formatHex(hmac), entry.drawHmac());
			Optional<Prize> won = PrizeSelection.select(hmac, pool, day);
			check.field("outcome", won.isPresent() ? "PRIZE" : "NO_PRIZE", entry.outcome());
			check.field("prizeId", won.map(Prize::id).orElse(null), entry.prizeId());
			if (won.isPresent()) {
				pool = pool.afterWinning(won.get().id());
			}
			previous = ChainHash.of(entry.previousHash(), entry.drawId(), entry.drawHmac(), entry.outcome(),
					entry.prizeId(), entry.day());
			check.field("hash", previous, entry.hash());
		}
		if (seq != log.lastSeq() || !previous.equals(log.lastHash())) {
			mismatches.add(new Mismatch(log.lastSeq(), null, "head", seq + " " + previous,
					log.lastSeq() + " " + log.lastHash()));
		}
		return new Result(log.campaignId(), log.entries().size(), mismatches.isEmpty(), mismatches);
	}

	/**
	 * @param draws log entries checked
	 * @param passed no mismatch at all
	 */
	record Result(String campaignId, int draws, boolean passed, List<Mismatch> mismatches) {

		Result {
			mismatches = List.copyOf(mismatches);
		}
	}

	/**
	 * A difference between the log and its recomputation.
	 *
	 * @param seq the entry's sequence number (0 for the seed commitment; the head's for the chain's end)
	 * @param drawId the entry's draw id, {@code null} for the commitment and the head
	 * @param field what differs: {@code seedCommitment}, {@code seq}, {@code previousHash}, {@code day}, {@code drawHmac},
	 * {@code outcome}, {@code prizeId}, {@code hash} or {@code head}
	 * @param expected the recomputed value
	 * @param actual the logged value
	 */
	record Mismatch(long seq, UUID drawId, String field, String expected, String actual) {
	}

	private record Check(DrawLogExport.LoggedDraw entry, List<Mismatch> mismatches) {

		void field(String name, String expected, String actual) {
			if (!Objects.equals(expected, actual)) {
				mismatches.add(new Mismatch(entry.seq(), entry.drawId(), name, expected, actual));
			}
		}
	}
}
