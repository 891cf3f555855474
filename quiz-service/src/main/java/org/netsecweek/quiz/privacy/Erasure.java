package org.netsecweek.quiz.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.tracing.InRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Erases personal data: the sealed name and phone, the consent, and (when retention ends) the keyed fingerprints
 * that find a worker again by phone or WeChat. What remains is a pseudonymous id with its union, organisation,
 * attempts and draws, so every figure stays as it was.
 */
@Component
public class Erasure {

	private static final Logger log = LoggerFactory.getLogger(Erasure.class);

	private final DatabaseClient db;

	Erasure(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * The worker withdrew consent: name, phone and consent go now, and the worker leaves the leaderboards. Emits
	 * {@code true} if there was anything to erase (a repeat finds nothing and changes nothing).
	 */
	public Mono<Boolean> atWorkersRequest(UUID workerId) {
		return InRequest.logAfter(db.sql("UPDATE worker SET name_sealed = NULL, phone_sealed = NULL, consent_version = NULL, "
				+ "registered_at = NULL, on_leaderboard = false, erased_at = now(), erasure_reason = 'worker-request' "
				+ "WHERE id = :worker AND (name_sealed IS NOT NULL OR phone_sealed IS NOT NULL OR registered_at IS NOT NULL)")
			.bind("worker", workerId)
			.fetch()
			.rowsUpdated()
			.map(rows -> rows == 1), erased -> {
				if (Boolean.TRUE.equals(erased)) {
					log.info("Personal data of worker {} erased at their request", workerId);
				}
			});
	}

	/**
	 * Erases everything personal of the workers whose campaigns' retention has ended by {@code today}: those who
	 * took part only in such campaigns, and those who never took part but first signed in before the end of such a
	 * campaign (days start in {@code zone}). Emits how many workers were erased.
	 */
	public Mono<Long> whenRetentionEnds(List<CampaignDefinition> campaigns, LocalDate today, ZoneId zone) {
		List<String> expired = campaigns.stream()
			.filter(campaign -> !today.isBefore(campaign.privacy().erasureDue(campaign.endsOn())))
			.map(CampaignDefinition::id)
			.toList();
		// a worker who never took part goes with the latest campaign past retention that was on when they signed in
		Instant signedInBefore = campaigns.stream()
			.filter(campaign -> expired.contains(campaign.id()))
			.map(CampaignDefinition::endsOn)
			.max(LocalDate::compareTo)
			.map(end -> end.plusDays(1).atStartOfDay(zone).toInstant())
			.orElse(Instant.EPOCH);
		return db.sql("UPDATE worker w SET name_sealed = NULL, phone_sealed = NULL, consent_version = NULL, "
				+ "phone_hash = NULL, openid_hash = NULL, on_leaderboard = false, erased_at = coalesce(erased_at, now()), "
				+ "erasure_reason = coalesce(erasure_reason, 'retention') "
				+ "WHERE (name_sealed IS NOT NULL OR phone_sealed IS NOT NULL OR phone_hash IS NOT NULL "
				+ "OR openid_hash IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM attempt a WHERE a.worker_id = w.id "
				+ "AND a.campaign_id <> ALL(:expired)) AND (EXISTS (SELECT 1 FROM attempt a WHERE a.worker_id = w.id) "
				+ "OR w.created_at < :signedInBefore)")
			.bind("expired", expired.toArray(String[]::new))
			.bind("signedInBefore", signedInBefore)
			.fetch()
			.rowsUpdated()
			.doOnNext(erased -> log.info("Retention: personal data of {} workers erased (campaigns past retention: {})",
					erased, expired));
	}
}
