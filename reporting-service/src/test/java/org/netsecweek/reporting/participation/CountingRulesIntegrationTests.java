package org.netsecweek.reporting.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netsecweek.events.Topics;
import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.events.quiz.AnswerSubmitted.QuestionResult;
import org.netsecweek.infra.KafkaProbe;
import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.platform.outbox.OutboxSettings;
import org.netsecweek.platform.security.Tokens;
import org.netsecweek.reporting.Admin;
import org.netsecweek.reporting.ProgressView;
import org.netsecweek.reporting.ReportingIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The counting rules, fed through the real broker in batches and counted in the real database. */
@ReportingIntegrationTest
class CountingRulesIntegrationTests {

	@Autowired
	WebTestClient web;

	@Autowired
	Tokens tokens;

	@Autowired
	Campaigns campaigns;

	@Autowired
	OutboxSettings topics;

	@Autowired
	JsonMapper json;

	@Autowired
	CountAnswers countAnswers;

	@Value("${netsec.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void aWorkerIsCountedOnceHoweverManyDaysTheyPlayAndEachDayOnItsOwn() {
		CampaignDefinition demo = campaigns.get(Campaigns.DEMO_ID);
		UUID worker = UUID.randomUUID();
		String[] answers = new String[5];
		for (int day = 0; day < 5; day++) {
			answers[day] = answer(demo, worker, "yichun", "yichun-0001", demo.startsOn().plusDays(day), 7);
		}

		new KafkaProbe(bootstrapServers).send(topics.topic(Topics.ANSWER_SUBMITTED), worker.toString(), answers);

		await().atMost(Duration.ofSeconds(60)).until(() -> progress().union("yichun").attempts() == 5);
		ProgressView.Row yichun = progress().union("yichun");
		assertThat(yichun.workersCovered()).isEqualTo(1);
		assertThat(yichun.organisationsActive()).isEqualTo(1);
		assertThat(yichun.averageScore()).isEqualByComparingTo("7");
		for (int day = 0; day < 5; day++) {
			assertThat(yichun.day(demo.startsOn().plusDays(day)).workers()).isEqualTo(1);
			assertThat(yichun.day(demo.startsOn().plusDays(day)).organisationsActive()).isEqualTo(1);
		}
		assertThat(yichun.day(demo.startsOn().plusDays(5)).workers()).isZero();
	}

	@Test
	void aLateEventLandsOnItsOwnCampaignDayNotTheDayItArrives() {
		CampaignDefinition demo = campaigns.get(Campaigns.DEMO_ID);
		UUID early = UUID.randomUUID();
		UUID late = UUID.randomUUID();
		KafkaProbe kafka = new KafkaProbe(bootstrapServers);
		kafka.send(topics.topic(Topics.ANSWER_SUBMITTED), early.toString(),
				answer(demo, early, "qitaihe", "qitaihe-0001", demo.startsOn().plusDays(3), 5));
		await().atMost(Duration.ofSeconds(60)).until(() -> progress().union("qitaihe").attempts() == 1);

		// day 1's paper of another worker arrives after day 4's, from a phone that was offline
		kafka.send(topics.topic(Topics.ANSWER_SUBMITTED), late.toString(),
				answer(demo, late, "qitaihe", "qitaihe-0002", demo.startsOn(), 9));

		await().atMost(Duration.ofSeconds(60)).until(() -> progress().union("qitaihe").attempts() == 2);
		ProgressView.Row qitaihe = progress().union("qitaihe");
		assertThat(qitaihe.day(demo.startsOn()).workers()).isEqualTo(1);
		assertThat(qitaihe.day(demo.startsOn()).organisationsActive()).isEqualTo(1);
		assertThat(qitaihe.day(demo.startsOn().plusDays(3)).workers()).isEqualTo(1);
		assertThat(qitaihe.workersCovered()).isEqualTo(2);
		assertThat(qitaihe.organisationsActive()).isEqualTo(2);
	}

	/** One batch holding a worker's days, a redelivery and a second event of the same paper. */
	@Test
	void aBatchWithDuplicatesCountsEachWorkerDayOnceAndEachQuestion() {
		CampaignDefinition demo = campaigns.get(Campaigns.DEMO_ID);
		UUID worker = UUID.randomUUID();
		AnswerSubmitted first = answerEvent(demo, worker, "shuangyashan", "shuangyashan-0001", demo.startsOn(), 2);
		AnswerSubmitted second = answerEvent(demo, worker, "shuangyashan", "shuangyashan-0002",
				demo.startsOn().plusDays(1), 1);
		AnswerSubmitted samePaperNewEvent = new AnswerSubmitted(UUID.randomUUID(), first.occurredAt(),
				first.campaignId(), 1, worker, first.attemptId(), first.unionId(), first.orgId(), first.campaignDay(),
				first.results(), first.correctCount(), first.questionCount(), first.answeringMillis());

		countAnswers.accept(List.of(first, second, first, samePaperNewEvent));
		countAnswers.accept(List.of(second));

		ProgressView.Row row = Admin.progress(web, Admin.province(tokens), Campaigns.DEMO_ID + "&questions=true")
			.union("shuangyashan");
		assertThat(row.attempts()).isEqualTo(2);
		assertThat(row.workersCovered()).isEqualTo(1);
		assertThat(row.organisationsActive()).isEqualTo(2);
		assertThat(row.questions()).extracting(ProgressView.Accuracy::id).containsExactly("csl-004", "pipl-001");
		ProgressView.Accuracy pipl = row.questions().get(1);
		assertThat(pipl.answered()).isEqualTo(2);
		assertThat(pipl.correct()).isEqualTo(2);
		assertThat(row.questions().get(0).correct()).isEqualTo(1); // correct on the first paper only
		assertThat(row.categories()).extracting(ProgressView.Accuracy::category)
			.containsExactly("CYBERSECURITY_LAW", "PERSONAL_INFORMATION");
	}

	private ProgressView progress() {
		return Admin.progress(web, Admin.province(tokens), Campaigns.DEMO_ID);
	}

	private String answer(CampaignDefinition campaign, UUID worker, String union, String org, LocalDate day,
			int correct) {
		return json.writeValueAsString(new AnswerSubmitted(UUID.randomUUID(), noonOf(campaign, day), campaign.id(), 1,
				worker, UUID.randomUUID(), union, org, day, List.of(), correct, 10, 60_000));
	}

	/** A two-question paper: pipl-001 right; csl-004 right when {@code correct} is 2. */
	private static AnswerSubmitted answerEvent(CampaignDefinition campaign, UUID worker, String union, String org,
			LocalDate day, int correct) {
		return new AnswerSubmitted(UUID.randomUUID(), noonOf(campaign, day), campaign.id(), 1, worker,
				UUID.randomUUID(), union, org, day,
				List.of(new QuestionResult("pipl-001", "PERSONAL_INFORMATION", true),
						new QuestionResult("csl-004", "CYBERSECURITY_LAW", correct == 2)),
				correct, 2, 30_000);
	}

	private static Instant noonOf(CampaignDefinition campaign, LocalDate day) {
		return day.atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
	}
}
