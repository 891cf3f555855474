package org.netsecweek.reporting.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netsecweek.events.Topics;
import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.infra.KafkaProbe;
import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.platform.outbox.OutboxSettings;
import org.netsecweek.platform.security.Tokens;
import org.netsecweek.reporting.Admin;
import org.netsecweek.reporting.ReportingIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A batch with one event that cannot be recorded: the others count, only that one goes to the dead-letter topic. */
@ReportingIntegrationTest
class DeadLetterIntegrationTests {

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

	@Value("${netsec.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void onlyTheEventThatCannotBeRecordedGoesToTheDeadLetterTopic() {
		CampaignDefinition demo = campaigns.get(Campaigns.DEMO_ID);
		UUID worker = UUID.randomUUID();
		String good = answer(demo, worker, "suihua", 0);
		String poison = answer(demo, worker, null, 1); // no union: the fact cannot be stored
		String alsoGood = answer(demo, worker, "suihua", 2);
		String topic = topics.topic(Topics.ANSWER_SUBMITTED);

		new KafkaProbe(bootstrapServers).send(topic, worker.toString(), good, poison, alsoGood);

		await().atMost(Duration.ofSeconds(90))
			.until(() -> Admin.progress(web, Admin.province(tokens), Campaigns.DEMO_ID).union("suihua").attempts() == 2);
		List<String> dead = new KafkaProbe(bootstrapServers).read(Topics.deadLetter(topic),
				value -> value.contains(worker.toString()), 1, Duration.ofSeconds(60));
		assertThat(dead).hasSize(1);
		assertThat(dead.get(0)).contains("\"unionId\":null");
	}

	private String answer(CampaignDefinition campaign, UUID worker, String union, int day) {
		return json.writeValueAsString(new AnswerSubmitted(UUID.randomUUID(), Instant.now(), campaign.id(), 1, worker,
				UUID.randomUUID(), union, "suihua-0003", campaign.startsOn().plusDays(day), List.of(), 3, 10, 40_000));
	}
}
