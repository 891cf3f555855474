package org.netsecweek.lottery.fairness;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.netsecweek.platform.campaign.CampaignDefinition;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The campaigns' seeds, each generated on first use and kept for good, and revealed once the campaign is over: its
 * last day has ended in its time zone, so no draw it accepted can still depend on a secret seed.
 */
@Component
public class FairnessSeeds {

	private final DatabaseClient db;

	private final SecureRandom random = new SecureRandom();

	/** Seeds read so far: a stored seed never changes, so every draw after the first reads it from here. */
	private final Map<String, Seed> known = new ConcurrentHashMap<>();

	private final Clock clock;

	FairnessSeeds(DatabaseClient db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	/** The instant a campaign's seed is revealed: the start of the day after its last day, in its time zone. */
	public static Instant revealsAt(CampaignDefinition campaign) {
		return campaign.endsOn().plusDays(1).atStartOfDay(campaign.timeZone()).toInstant();
	}

	public boolean isRevealed(CampaignDefinition campaign) {
		return !clock.instant().isBefore(revealsAt(campaign));
	}

	/** The campaign's seed once it is revealed; before, a {@link SeedNotRevealed} problem (409). */
	public Mono<Seed> revealedSeedOf(CampaignDefinition campaign) {
		if (!isRevealed(campaign)) {
			return Mono.error(new SeedNotRevealed(campaign.id()));
		}
		return seedOf(campaign.id());
	}

	/**
	 * The campaign's seed, generated and stored on first use. Concurrent first uses agree on one seed: the primary
	 * key admits a single insert, and every caller then reads the stored row.
	 */
	public Mono<Seed> seedOf(String campaignId) {
		Seed seed = known.get(campaignId);
		if (seed != null) {
			return Mono.just(seed);
		}
		return find(campaignId).switchIfEmpty(Mono.defer(() -> {
			Seed fresh = Seed.generate(campaignId, random);
			return db.sql("INSERT INTO fairness_seed (campaign_id, seed, commitment) VALUES (:campaign, :seed, "
					+ ":commitment) ON CONFLICT DO NOTHING")
				.bind("campaign", campaignId)
				.bind("seed", fresh.secret())
				.bind("commitment", fresh.commitment())
				.then()
				.then(find(campaignId));
		})).doOnNext(found -> known.put(campaignId, found));
	}

	private Mono<Seed> find(String campaignId) {
		return db.sql("SELECT seed FROM fairness_seed WHERE campaign_id = :campaign")
			.bind("campaign", campaignId)
			.map(row -> new Seed(campaignId, row.get("seed", byte[].class)))
			.one();
	}
}
