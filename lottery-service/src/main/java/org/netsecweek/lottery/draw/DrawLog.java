package org.netsecweek.lottery.draw;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.netsecweek.events.lottery.DrawOutcome;
import org.netsecweek.lottery.prize.DrawsBegun;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The hash-chained log of performed draws, one chain per campaign. Each entry's hash covers the previous entry's
 * hash, so no entry can be changed, dropped or reordered without breaking every hash after it:
 * {@code hash = hex SHA-256(UTF-8 of previousHash|drawId|drawHmac|outcome|prizeId|day)}, with an empty prize id for
 * no prize, the campaign day the draw was performed on, and 64 zeros before the first entry.
 */
@Component
class DrawLog implements DrawsBegun {

	static final String GENESIS = ChainHash.GENESIS;

	private final DatabaseClient db;

	DrawLog(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Locks the campaign's chain until the transaction ends. Every draw of the campaign queues here before it looks
	 * at the pool, so a draw sees the stock its predecessors in the log left and extends the chain alone: the log
	 * order is the order the draws happened in, and replaying it reproduces every outcome.
	 */
	Mono<Head> lockHead(String campaignId) {
		return selectHead(campaignId).switchIfEmpty(Mono.defer(() -> db
			.sql("INSERT INTO draw_log_head (campaign_id, last_seq, last_hash) VALUES (:campaign, 0, :genesis) "
					+ "ON CONFLICT DO NOTHING")
			.bind("campaign", campaignId)
			.bind("genesis", GENESIS)
			.then()
			.then(selectHead(campaignId))));
	}

	private Mono<Head> selectHead(String campaignId) {
		return db.sql("SELECT last_seq, last_hash, last_day FROM draw_log_head WHERE campaign_id = :campaign FOR UPDATE")
			.bind("campaign", campaignId)
			.map(row -> new Head(campaignId, row.get("last_seq", Long.class), row.get("last_hash", String.class),
					row.get("last_day", Integer.class)))
			.one();
	}

	@Override
	public Mono<Boolean> lockAndCheck(String campaignId) {
		return lockHead(campaignId).map(head -> head.lastSeq() > 0);
	}

	@Override
	public Mono<Boolean> begun(String campaignId) {
		return db.sql("SELECT last_seq FROM draw_log_head WHERE campaign_id = :campaign")
			.bind("campaign", campaignId)
			.map(row -> row.get("last_seq", Long.class) > 0)
			.one()
			.defaultIfEmpty(false);
	}

	/**
	 * Appends performed draws after the locked head, in the order given, and moves the head to the last; emits each
	 * entry's hash. One statement however many entries.
	 */
	Mono<List<String>> append(Head head, List<Entry> entries, Instant at) {
		if (entries.isEmpty()) {
			return Mono.just(List.of());
		}
		List<String> hashes = new ArrayList<>(entries.size());
		String previous = head.lastHash();
		for (Entry entry : entries) {
			previous = hash(previous, entry);
			hashes.add(previous);
		}
		List<String> previousHashes = new ArrayList<>(entries.size());
		previousHashes.add(head.lastHash());
		previousHashes.addAll(hashes.subList(0, hashes.size() - 1));
		Entry last = entries.get(entries.size() - 1);
		long lastSeq = head.lastSeq() + entries.size();
		return db.sql("WITH entries AS (INSERT INTO draw_log (campaign_id, seq, draw_id, worker_id, draw_hmac, outcome, "
				+ "prize_id, day, previous_hash, hash, logged_at) SELECT :campaign, :first + n - 1, d, w, m, o, NULLIF(p, ''), "
				+ "y, ph, h, :at FROM unnest(CAST(:d AS uuid[]), CAST(:w AS uuid[]), CAST(:m AS text[]), CAST(:o AS text[]), "
				+ "CAST(:p AS text[]), CAST(:y AS int[]), CAST(:ph AS text[]), CAST(:h AS text[])) WITH ORDINALITY "
				+ "AS t(d, w, m, o, p, y, ph, h, n)) UPDATE draw_log_head SET last_seq = :seq, last_hash = :hash, "
				+ "last_day = :day WHERE campaign_id = :campaign")
			.bind("campaign", head.campaignId())
			.bind("first", head.lastSeq() + 1)
			.bind("at", at)
			.bind("d", entries.stream().map(Entry::drawId).toArray(UUID[]::new))
			.bind("w", entries.stream().map(Entry::workerId).toArray(UUID[]::new))
			.bind("m", entries.stream().map(Entry::drawHmac).toArray(String[]::new))
			.bind("o", entries.stream().map(entry -> entry.outcome().name()).toArray(String[]::new))
			.bind("p", entries.stream().map(entry -> entry.prizeId() == null ? "" : entry.prizeId()).toArray(String[]::new))
			.bind("y", entries.stream().map(Entry::day).toArray(Integer[]::new))
			.bind("ph", previousHashes.toArray(String[]::new))
			.bind("h", hashes.toArray(String[]::new))
			.bind("seq", lastSeq)
			.bind("hash", hashes.get(hashes.size() - 1))
			.bind("day", last.day())
			.then()
			.thenReturn(hashes);
	}

	static String hash(String previousHash, Entry entry) {
		return ChainHash.of(previousHash, entry.drawId(), entry.drawHmac(), entry.outcome().name(), entry.prizeId(),
				entry.day());
	}

	/**
	 * The end of a campaign's chain, locked by the current transaction.
	 *
	 * @param lastDay the campaign day of the last entry (0 before the first): the next entry's day is never earlier,
	 * even if instances' clocks disagree around midnight
	 */
	record Head(String campaignId, long lastSeq, String lastHash, int lastDay) {
	}

	/**
	 * What an entry records of a performed draw.
	 *
	 * @param day the campaign day the draw was performed on (1 = the first day)
	 */
	record Entry(UUID drawId, UUID workerId, String drawHmac, DrawOutcome outcome, String prizeId, int day) {
	}
}
