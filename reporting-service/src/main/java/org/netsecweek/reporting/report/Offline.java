package org.netsecweek.reporting.report;

import java.time.Instant;
import java.time.LocalDate;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/** Offline activities per union and day, for the live and the frozen figures alike. */
final class Offline {

	private Offline() {
	}

	/**
	 * Adds the activities and their participants to the figures.
	 *
	 * @param asOf only activities last changed by then; {@code null} for all
	 */
	static Mono<Void> activities(DatabaseClient db, String campaignId, Instant asOf, Figures figures) {
		String sql = "SELECT union_id, activity_date, count(*) AS n, sum(participants) AS participants "
				+ "FROM offline_activity WHERE campaign_id = :campaign"
				+ (asOf == null ? "" : " AND updated_at <= :asOf") + " GROUP BY union_id, activity_date";
		var spec = db.sql(sql).bind("campaign", campaignId);
		if (asOf != null) {
			spec = spec.bind("asOf", asOf);
		}
		return spec.map(row -> {
			Figures.OfDay day = figures.union(row.get("union_id", String.class))
				.day(row.get("activity_date", LocalDate.class));
			day.offlineActivities = ((Number) row.get("n")).longValue();
			day.offlineParticipants = ((Number) row.get("participants")).longValue();
			return day;
		}).all().then();
	}
}
