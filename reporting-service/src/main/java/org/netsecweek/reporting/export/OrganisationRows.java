package org.netsecweek.reporting.export;

import reactor.core.publisher.Flux;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Every grassroots organisation with activity, one row each, read as a stream (10,000 organisations never sit in
 * memory at once): attempts and workers from the live counters, offline activities as recorded.
 */
@Component
class OrganisationRows {

	private final DatabaseClient db;

	OrganisationRows(DatabaseClient db) {
		this.db = db;
	}

	/** The organisations of one union, or (unionId {@code null}) of all, by union and organisation id. */
	Flux<Organisation> of(String campaignId, String unionId) {
		var spec = db.sql("""
				WITH offline AS (SELECT org_id, min(union_id) AS union_id, count(*) AS activities,
				                        sum(participants) AS participants
				                 FROM offline_activity WHERE campaign_id = :campaign GROUP BY org_id)
				SELECT coalesce(t.union_id, o.union_id) AS union_id, coalesce(t.org_id, o.org_id) AS org_id,
				       coalesce(t.attempts, 0) AS attempts, coalesce(t.workers_covered, 0) AS workers,
				       coalesce(o.activities, 0) AS activities, coalesce(o.participants, 0) AS participants
				FROM (SELECT * FROM org_tally WHERE campaign_id = :campaign) t
				FULL JOIN offline o ON o.org_id = t.org_id
				WHERE :union::text IS NULL OR coalesce(t.union_id, o.union_id) = :union::text
				ORDER BY 1, 2""")
			.bind("campaign", campaignId);
		spec = unionId == null ? spec.bindNull("union", String.class) : spec.bind("union", unionId);
		return spec.map(row -> new Organisation(row.get("union_id", String.class), row.get("org_id", String.class),
				((Number) row.get("attempts")).longValue(), ((Number) row.get("workers")).longValue(),
				((Number) row.get("activities")).longValue(), ((Number) row.get("participants")).longValue()))
			.all();
	}

	/**
	 * @param workers workers counted under the organisation (a worker counts where they first took the quiz)
	 */
	record Organisation(String unionId, String orgId, long attempts, long workers, long offlineActivities,
			long offlineParticipants) {
	}
}
