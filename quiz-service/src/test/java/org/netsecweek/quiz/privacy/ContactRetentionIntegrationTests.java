package org.netsecweek.quiz.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.netsecweek.quiz.Phone;
import org.netsecweek.quiz.QuizIntegrationTest;
import org.netsecweek.infra.TestClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The 2022 campaign keeps contact details 90 days after its last day (11 September): on 10 December they are still
 * there, on 11 December they are gone, and the participation figures are not touched. The clock is shifted.
 */
@Import(ContactRetentionIntegrationTests.Clocks.class)
@QuizIntegrationTest(properties = { "spring.config.name=quiz-service", "netsec.campaign.active=hlj-2022" })
class ContactRetentionIntegrationTests {

	@Autowired
	WebTestClient web;

	@Autowired
	DatabaseClient db;

	@Autowired
	TestClock clock;

	@Autowired
	ContactRetention retention;

	@Test
	void contactDetailsAreErasedTheDayTheRetentionEndsAndTheFiguresStay() {
		clock.set(Instant.parse("2022-09-06T01:00:00Z"));
		Phone took = Phone.signIn(web, "hegang", "hegang-0001");
		took.submit(Phone.answers(took.paper(), Map.of()), null).expectStatus().isCreated();
		Phone neverTook = Phone.signIn(web, "hegang", "hegang-0001");
		// the database stamps a first sign-in with its own (unshifted) time: put it on the shifted day
		db.sql("UPDATE worker SET created_at = '2022-09-06T01:00:00Z' WHERE id = :id").bind("id", neverTook.id).then()
			.block();

		clock.set(Instant.parse("2022-12-10T04:00:00Z"));
		assertThat(retention.erase()).isZero();
		assertThat(personal(took)).isEqualTo("name,phone,phone-hash");

		clock.set(Instant.parse("2022-12-10T16:30:00Z")); // 00:30 on 11 December in Harbin
		assertThat(retention.erase()).isEqualTo(2);

		assertThat(personal(took)).isEmpty();
		assertThat(personal(neverTook)).isEmpty();
		assertThat(db.sql("SELECT count(*) AS n FROM attempt WHERE worker_id = :id").bind("id", took.id)
			.map(row -> row.get("n", Long.class)).one().block()).isEqualTo(1);
		assertThat(db.sql("SELECT union_id || '/' || org_id || '/' || erasure_reason AS kept FROM worker WHERE id = :id")
			.bind("id", took.id).map(row -> row.get("kept", String.class)).one().block())
			.isEqualTo("hegang/hegang-0001/retention");
		assertThat(retention.erase()).as("a second run finds nothing left").isZero();
	}

	/** Which personal columns of the worker still hold something. */
	private String personal(Phone phone) {
		return db.sql("SELECT concat_ws(',', CASE WHEN name_sealed IS NOT NULL THEN 'name' END, "
				+ "CASE WHEN phone_sealed IS NOT NULL THEN 'phone' END, CASE WHEN phone_hash IS NOT NULL THEN 'phone-hash' END, "
				+ "CASE WHEN openid_hash IS NOT NULL THEN 'openid-hash' END) AS held FROM worker WHERE id = :id")
			.bind("id", phone.id)
			.map(row -> row.get("held", String.class))
			.one()
			.block();
	}

	@TestConfiguration
	static class Clocks {

		@Bean
		TestClock clock() {
			return new TestClock(Instant.parse("2022-09-05T01:00:00Z"));
		}
	}
}
