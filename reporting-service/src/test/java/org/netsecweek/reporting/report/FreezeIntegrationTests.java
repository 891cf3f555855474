package org.netsecweek.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.events.quiz.AnswerSubmitted.QuestionResult;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.platform.security.Tokens;
import org.netsecweek.reporting.Admin;
import org.netsecweek.reporting.ProgressView;
import org.netsecweek.reporting.ReportingIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The report frozen at the deadline of hlj-2022 (2022-09-12 10:00 Asia/Shanghai, long past). */
@ReportingIntegrationTest
class FreezeIntegrationTests {

	private static final String CAMPAIGN = "hlj-2022";

	private static final Instant DEADLINE = Instant.parse("2022-09-12T02:00:00Z");

	@Autowired
	WebTestClient web;

	@Autowired
	Tokens tokens;

	@Autowired
	Campaigns campaigns;

	@Autowired
	Reports reports;

	@Autowired
	FreezeAtDeadline freezeAtDeadline;

	@Autowired
	DatabaseClient db;

	@Autowired
	@Qualifier("countAnswers")
	Consumer<List<AnswerSubmitted>> countAnswers;

	@Test
	void theSnapshotCountsOnlyWhatOccurredBeforeTheDeadlineAndLaterEventsDoNotChangeIt() throws Exception {
		db.sql("DELETE FROM report_snapshot WHERE campaign_id = :c").bind("c", CAMPAIGN).then().block();
		countAnswers.accept(List.of(answer("suihua", "suihua-0001", LocalDate.of(2022, 9, 10),
				Instant.parse("2022-09-10T04:00:00Z")),
				answer("suihua", "suihua-0002", LocalDate.of(2022, 9, 11), DEADLINE.minusMillis(1)),
				// a paper that reached quiz-service after the deadline never enters the report
				answer("suihua", "suihua-0003", LocalDate.of(2022, 9, 11), DEADLINE)));

		freezeAtDeadline.check().block(); // what the scheduler does every minute

		byte[] snapshot = snapshotBytes();
		ProgressView report = report(Admin.province(tokens), "");
		assertThat(report.frozen()).isTrue();
		assertThat(report.union("suihua").workersCovered()).isEqualTo(2);
		assertThat(report.union("suihua").organisationsActive()).isEqualTo(2);
		assertThat(report.union("suihua").day(LocalDate.of(2022, 9, 11)).workers()).isEqualTo(1);
		assertThat(progress().union("suihua").workersCovered()).isEqualTo(3); // live counts everything

		// a paper of the 10th arrives after the snapshot was taken: live progress counts it, the report does not
		countAnswers.accept(List.of(answer("suihua", "suihua-0001", LocalDate.of(2022, 9, 10),
				Instant.parse("2022-09-10T05:00:00Z"))));

		assertThat(progress().union("suihua").workersCovered()).isEqualTo(4);
		assertThat(snapshotBytes()).isEqualTo(snapshot);
		assertThat(report(Admin.province(tokens), "").union("suihua").workersCovered()).isEqualTo(2);
		Reports.Regenerated regenerated = reports.regenerate(campaigns.get(CAMPAIGN)).block();
		assertThat(regenerated.content().getBytes(StandardCharsets.UTF_8)).isEqualTo(snapshot);
		assertThat(regenerated.sha256()).isEqualTo(sha256(snapshot)).isEqualTo(regenerated.stored().sha256());
		web.post()
			.uri("/api/admin/report/snapshot/verification?campaignId=" + CAMPAIGN)
			.headers(h -> h.setBearerAuth(Admin.province(tokens)))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.identical").isEqualTo(true)
			.jsonPath("$.storedSha256").isEqualTo(sha256(snapshot));
		// freezing again finds the snapshot taken first
		web.post()
			.uri("/api/admin/report/snapshot?campaignId=" + CAMPAIGN)
			.headers(h -> h.setBearerAuth(Admin.province(tokens)))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.sha256").isEqualTo(sha256(snapshot))
			.jsonPath("$.generatedBy").isEqualTo("scheduler");
		// a union admin reads their own row of the same snapshot
		ProgressView own = report(Admin.ofUnion(tokens, "suihua"), "");
		assertThat(own.unions()).extracting(ProgressView.Row::unionId).containsExactly("suihua");
		assertThat(own.total().workersCovered()).isEqualTo(2);
	}

	@Test
	void beforeTheDeadlineTheReportCannotBeFrozenAndIsNotThereYet() {
		web.post()
			.uri("/api/admin/report/snapshot?campaignId=" + Campaigns.DEMO_ID)
			.headers(h -> h.setBearerAuth(Admin.province(tokens)))
			.exchange()
			.expectStatus().isEqualTo(409)
			.expectBody()
			.jsonPath("$.code").isEqualTo("deadline-not-reached")
			.jsonPath("$.title").isEqualTo("报送截止时间未到");
		web.get()
			.uri("/api/admin/report?campaignId=" + Campaigns.DEMO_ID)
			.headers(h -> h.setBearerAuth(Admin.province(tokens)))
			.exchange()
			.expectStatus().isNotFound()
			.expectBody()
			.jsonPath("$.code").isEqualTo("report-not-frozen");
	}

	private byte[] snapshotBytes() {
		var result = web.get()
			.uri("/api/admin/report/snapshot?campaignId=" + CAMPAIGN)
			.headers(h -> h.setBearerAuth(Admin.province(tokens)))
			.exchange()
			.expectStatus().isOk()
			.expectBody(byte[].class)
			.returnResult();
		assertThat(result.getResponseHeaders().getFirst("X-Report-SHA256"))
			.isEqualTo(sha256(result.getResponseBody()));
		return result.getResponseBody();
	}

	private ProgressView report(String token, String query) {
		return web.get()
			.uri("/api/admin/report?campaignId=" + CAMPAIGN + query)
			.headers(h -> h.setBearerAuth(token))
			.exchange()
			.expectStatus().isOk()
			.expectBody(ProgressView.class)
			.returnResult()
			.getResponseBody();
	}

	private ProgressView progress() {
		return Admin.progress(web, Admin.province(tokens), CAMPAIGN);
	}

	private static AnswerSubmitted answer(String union, String org, LocalDate day, Instant occurredAt) {
		return new AnswerSubmitted(UUID.randomUUID(), occurredAt, CAMPAIGN, 1, UUID.randomUUID(), UUID.randomUUID(),
				union, org, day, List.of(new QuestionResult("pipl-001", "PERSONAL_INFORMATION", true)), 1, 1, 20_000);
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
