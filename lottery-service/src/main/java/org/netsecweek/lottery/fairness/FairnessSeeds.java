package org.netsecweek.lottery.fairness;

import java.security.SecureRandom;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** The campaigns' seeds, each generated on first use and kept for good. */
@Component
public class FairnessSeeds {

	private final DatabaseClient db;

	private final SecureRandom random = new SecureRandom();

	FairnessSeeds(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * The campaign's seed, generated and stored on first use. Concurrent first uses agree on one seed: the primary
	 * key admits a single insert, and every caller then reads the stored row.
	 */
	public Mono<Seed> seedOf(String campaignId) {
		return find(campaignId).switchIfEmpty(Mono.defer(() -> {
			Seed fresh = Seed.generate(campaignId, random);
			return db.sql("INSERT INTO fairness_seed (campaign_id, seed, commitment) VALUES (:campaign, :seed, "
					+ ":commitment) ON CONFLICT DO NOTHING")
				.bind("campaign", campaignId)
				.bind("seed", fresh.secret())
				.bind("commitment", fresh.commitment())
				.then()
				.then(find(campaignId));
		}));
	}

	private Mono<Seed> find(String campaignId) {
		return db.sql("SELECT seed FROM fairness_seed WHERE campaign_id = :campaign")
			.bind("campaign", campaignId)
			.map(row -> new Seed(campaignId, row.get("seed", byte[].class)))
			.one();
	}
}
