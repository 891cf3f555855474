package org.netsecweek.reporting.activity;

import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** The offline activities recorded by unions. */
@Component
class OfflineActivities {

	private static final String COLUMNS = "id, campaign_id, union_id, org_id, activity_date, form, participants, "
			+ "description, request_id, recorded_by, created_at, updated_at";

	private final DatabaseClient db;

	private final OrganisationDirectory directory;

	OfflineActivities(DatabaseClient db, OrganisationDirectory directory) {
		this.db = db;
		this.directory = directory;
	}

	/** Inserts the activity unless its request id was used before; emits the stored one either way. */
	Mono<OfflineActivity> add(OfflineActivity activity) {
		return db.sql("INSERT INTO offline_activity (" + COLUMNS + ") VALUES (:id, :campaign, :union, :org, :date, "
				+ ":form, :participants, :description, :request, :by, now(), now()) "
				+ "ON CONFLICT (campaign_id, union_id, request_id) DO NOTHING")
			.bind("id", activity.id())
			.bind("campaign", activity.campaignId())
			.bind("union", activity.unionId())
			.bind("org", activity.orgId())
			.bind("date", activity.date())
			.bind("form", activity.form())
			.bind("participants", activity.participants())
			.bind("description", activity.description())
			.bind("request", activity.requestId())
			.bind("by", activity.recordedBy())
			.then()
			.then(db.sql("SELECT " + COLUMNS + " FROM offline_activity WHERE campaign_id = :campaign "
					+ "AND union_id = :union AND request_id = :request")
				.bind("campaign", activity.campaignId())
				.bind("union", activity.unionId())
				.bind("request", activity.requestId())
				.map(this::activity)
				.one());
	}

	Mono<OfflineActivity> find(UUID id) {
		return db.sql("SELECT " + COLUMNS + " FROM offline_activity WHERE id = :id")
			.bind("id", id)
			.map(this::activity)
			.one();
	}

	/** The campaign's activities, of one union or (unionId {@code null}) of all, by date. */
	Flux<OfflineActivity> of(String campaignId, String unionId) {
		var spec = db.sql("SELECT " + COLUMNS + " FROM offline_activity WHERE campaign_id = :campaign"
				+ (unionId == null ? "" : " AND union_id = :union") + " ORDER BY activity_date, created_at, id")
			.bind("campaign", campaignId);
		return (unionId == null ? spec : spec.bind("union", unionId)).map(this::activity).all();
	}

	Mono<OfflineActivity> update(OfflineActivity activity) {
		return db.sql("UPDATE offline_activity SET org_id = :org, activity_date = :date, form = :form, "
				+ "participants = :participants, description = :description, recorded_by = :by, updated_at = now() "
				+ "WHERE id = :id")
			.bind("id", activity.id())
			.bind("org", activity.orgId())
			.bind("date", activity.date())
			.bind("form", activity.form())
			.bind("participants", activity.participants())
			.bind("description", activity.description())
			.bind("by", activity.recordedBy())
			.then()
			.then(find(activity.id()));
	}

	Mono<Long> delete(UUID id) {
		return db.sql("DELETE FROM offline_activity WHERE id = :id").bind("id", id).fetch().rowsUpdated();
	}

	private OfflineActivity activity(Readable row) {
		String orgId = row.get("org_id", String.class);
		return new OfflineActivity(row.get("id", UUID.class), row.get("campaign_id", String.class),
				row.get("union_id", String.class), orgId,
				directory.find(orgId).map(OrganisationDirectory.Organisation::name).orElse(orgId),
				row.get("activity_date", java.time.LocalDate.class), row.get("form", String.class),
				row.get("participants", Integer.class), row.get("description", String.class),
				row.get("request_id", String.class), row.get("recorded_by", String.class),
				row.get("created_at", Instant.class), row.get("updated_at", Instant.class));
	}
}
