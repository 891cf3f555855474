package org.netsecweek.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.netsecweek.events.Topics;
import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.infra.KafkaProbe;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.platform.outbox.OutboxSettings;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import org.netsecweek.platform.security.Tokens;
import org.netsecweek.reporting.ReportingIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@ReportingIntegrationTest
class ProgressIntegrationTests {

	@Autowired
	WebTestClient web;

	@Autowired
	Tokens tokens;

	@Autowired
	Campaigns campaigns;

	@Autowired
	ProgressGauges gauges;

	@Autowired
	MeterRegistry meters;

	@Autowired
	OutboxSettings topics;

	@Autowired
	JsonMapper json;

	@Value("${netsec.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void anUnknownCampaignIsANotFoundProblem() {
		web.get()
			.uri("/api/admin/progress?campaignId=hlj-1999")
			.headers(h -> h.setBearerAuth(province()))
			.exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code").isEqualTo("unknown-campaign")
			.jsonPath("$.title").isEqualTo("活动不存在");
	}

	@Test
	void withoutACampaignIdItShowsTheRunningCampaign() {
		web.get()
			.uri("/api/admin/progress")
			.headers(h -> h.setBearerAuth(province()))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.campaignId").isEqualTo(campaigns.active().id())
			.jsonPath("$.campaignName").isEqualTo(campaigns.active().name())
			.jsonPath("$.unions.length()").isEqualTo(14)
			.jsonPath("$.total.name").isEqualTo("合计")
			.jsonPath("$.total.targetWorkers").isEqualTo(10000);
	}

	@Test
	void theCoverageGaugeCountsDistinctWorkersOfAUnion() {
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		var start = campaigns.active().startsOn();
		KafkaProbe kafka = new KafkaProbe(bootstrapServers);
		kafka.send(topics.topic(Topics.ANSWER_SUBMITTED), first.toString(), answer(first, start),
				answer(first, start.plusDays(1)));
		kafka.send(topics.topic(Topics.ANSWER_SUBMITTED), second.toString(), answer(second, start));

		await().atMost(Duration.ofSeconds(60)).until(() -> {
			gauges.refresh().block();
			return gauge("participation.workers.covered", "heihe") == 2;
		});
		assertThat(gauge("participation.organisations.active", "heihe")).isEqualTo(1);
		assertThat(gauge("participation.workers.target", "heihe")).isEqualTo(500);
		assertThat(gauge("participation.organisations.target", "heihe")).isEqualTo(1);
		assertThat(gauge("participation.workers.covered", "daxinganling")).isZero();
	}

	@Test
	void theApiDescriptionNamesEveryEndpointWithItsErrors() {
		web.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class)
			.value(text -> assertThat(text).contains("/api/admin/progress", "/api/admin/report",
					"/api/admin/report/snapshot", "/api/admin/activities", "/api/admin/activities/{id}",
					"/api/admin/exports/progress.xlsx", "/api/admin/exports/progress.csv",
					"/api/admin/exports/organisations.csv", "/api/admin/exports/brief", "activities-frozen",
					"other-union"));
	}

	@Test
	void theGaugesAreExportedForPrometheus() {
		gauges.refresh().block();

		web.mutate()
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.build()
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class)
			.value(text -> assertThat(text).contains("participation_workers_covered{", "union=\"harbin\"",
					"participation_workers_target{", "participation_organisations_active{",
					"participation_organisations_target{"));
	}

	private double gauge(String name, String union) {
		return meters.get(name)
			.tag("campaign", campaigns.active().id())
			.tag("union", union)
			.gauge()
			.value();
	}

	private String answer(UUID worker, java.time.LocalDate day) {
		return json.writeValueAsString(new AnswerSubmitted(UUID.randomUUID(), Instant.now(), campaigns.active().id(),
				1, worker, UUID.randomUUID(), "heihe", "heihe-0001", day, List.of(), 6, 10, 70_000));
	}

	private String province() {
		return tokens.issue(new Caller("province", Role.PROVINCE_ADMIN, null)).token();
	}
}
