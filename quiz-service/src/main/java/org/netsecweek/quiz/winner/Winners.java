package org.netsecweek.quiz.winner;

import java.time.Instant;
import java.util.UUID;

import org.netsecweek.quiz.privacy.Masks;
import org.netsecweek.quiz.privacy.PersonalData;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** Prizes won in a campaign, as lottery-service announced them, joined with who won them. */
@Component
class Winners {

	private final DatabaseClient db;

	private final PersonalData personalData;

	Winners(DatabaseClient db, PersonalData personalData) {
		this.db = db;
		this.personalData = personalData;
	}

	/** The winners of a campaign (of one union, or all for {@code null}), newest first. */
	Flux<Winner> of(String campaignId, String unionId) {
		return db.sql("SELECT d.draw_id, d.prize_name, d.completed_at, w.union_id, w.org_id, w.name_sealed, "
				+ "w.phone_sealed FROM draw d JOIN worker w ON w.id = d.worker_id WHERE d.campaign_id = :campaign "
				+ "AND d.status = 'PRIZE' AND (CAST(:union AS text) IS NULL OR w.union_id = :union) "
				+ "ORDER BY d.completed_at DESC, d.draw_id")
			.bind("campaign", campaignId)
			.bind("union", org.springframework.r2dbc.core.Parameter.fromOrEmpty(unionId, String.class))
			.map(row -> new Winner(row.get("draw_id", UUID.class), row.get("prize_name", String.class),
					row.get("completed_at", Instant.class), row.get("union_id", String.class),
					row.get("org_id", String.class), open(row.get("name_sealed", byte[].class)),
					open(row.get("phone_sealed", byte[].class))))
			.all();
	}

	/** Records who looked at full contact details, when, why, and how many people they saw. */
	Mono<Void> recordAccess(String admin, String role, String unionId, String campaignId, int people, String purpose) {
		return db.sql("INSERT INTO contact_access (admin, role, union_id, campaign_id, people, purpose) "
				+ "VALUES (:admin, :role, :union, :campaign, :people, :purpose)")
			.bind("admin", admin)
			.bind("role", role)
			.bind("union", org.springframework.r2dbc.core.Parameter.fromOrEmpty(unionId, String.class))
			.bind("campaign", campaignId)
			.bind("people", people)
			.bind("purpose", purpose)
			.then();
	}

	private String open(byte[] sealed) {
		return sealed == null ? "" : personalData.open(sealed);
	}

	/**
	 * A prize won.
	 *
	 * @param drawId the draw, also what lottery-service knows it by
	 */
	record Winner(UUID drawId, String prizeName, Instant wonAt, String unionId, String orgId, String name,
			String phone) {

		Winner masked() {
			return new Winner(drawId, prizeName, wonAt, unionId, orgId, Masks.name(name), Masks.phone(phone));
		}
	}
}
