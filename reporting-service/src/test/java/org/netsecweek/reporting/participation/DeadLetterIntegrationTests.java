package org.netsecweek.reporting.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.netsecweek.events.Topics;
import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.events.quiz.DrawRequested;
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
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.r2dbc.core.DatabaseClient;
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

	@Autowired
	DatabaseClient db;

	@Autowired
	Consumer<List<DrawRequested>> countDrawRequests;

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

	/**
	 * A batch is applied in draw order inside its transaction (to take draw_fact rows in one order), but a failing
	 * event is named to the container by its place in the poll, so the container dead-letters the poison and not
	 * the sound request polled before it (sorted first, the poison would have been named as index 0: the sound one).
	 */
	@Test
	void aBatchAppliedInDrawOrderNamesThePoisonByItsPlaceInThePoll() {
		UUID worker = UUID.randomUUID();
		UUID sound = UUID.fromString("7fffffff-0000-4000-8000-" + worker.toString().substring(24));
		UUID poisoned = UUID.fromString("00000000-0000-4000-8000-" + worker.toString().substring(24));
		List<DrawRequested> poll = List.of(drawRequested("demo", worker, sound),
				drawRequested(null, worker, poisoned)); // no campaign: the fact cannot be stored

		assertThatThrownBy(() -> countDrawRequests.accept(poll)).isInstanceOfSatisfying(
				BatchListenerFailedException.class, failed -> assertThat(failed.getIndex()).isEqualTo(1));
		assertThat(db.sql("SELECT count(*) AS n FROM draw_fact WHERE draw_id = :id AND union_id = 'suihua'")
			.bind("id", sound)
			.map(row -> row.get("n", Long.class))
			.one()
			.block()).as("the sound request, taken on its own").isEqualTo(1);
	}

	private static DrawRequested drawRequested(String campaign, UUID worker, UUID drawId) {
		return new DrawRequested(UUID.randomUUID(), Instant.now(), campaign, 1, worker, drawId, 1, "suihua",
				"suihua-0003");
	}

	private String answer(CampaignDefinition campaign, UUID worker, String union, int day) {
		return json.writeValueAsString(new AnswerSubmitted(UUID.randomUUID(), Instant.now(), campaign.id(), 1, worker,
				UUID.randomUUID(), union, "suihua-0003", campaign.startsOn().plusDays(day), List.of(), 3, 10, 40_000));
	}
}
