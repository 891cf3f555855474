package org.netsecweek.launcher;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.netsecweek.events.Topics;
import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.campaign.Campaigns;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The worker whose attempts the staff console reviews: a Harbin worker who answers today's paper through quiz-service,
 * then submits two more papers within ten minutes, which the campaign's burst rule holds for review. quiz-service
 * allows one paper a day and the end-to-end suite's clock is the real one, so the two further submissions (for the
 * next two campaign days) go onto {@code answer-submitted} as quiz-service's outbox would put them.
 */
final class ConsoleWorker {

	static final String PHONE = "137" + String.format("%08d", new SecureRandom().nextInt(100_000_000));

	static final String NAME = "钱七安";

	private final Suite suite;

	private final WebTestClient quiz;

	private final String token;

	final UUID id;

	private ConsoleWorker(Suite suite, WebTestClient quiz, String token) {
		this.suite = suite;
		this.quiz = quiz;
		this.token = token;
		String payload = token.split("\\.")[1];
		this.id = UUID.fromString(json().readTree(new String(Base64.getUrlDecoder().decode(payload),
				StandardCharsets.UTF_8)).get("sub").asString());
	}

	/** Registered, today's paper answered right and booked (10 points), then a burst: one more booked, one held. */
	static ConsoleWorker withHeldAttempt(Suite suite) throws Exception {
		WebTestClient quiz = WorkerJourney.client(suite, Service.QUIZ);
		ConsoleWorker worker = new ConsoleWorker(suite, quiz, WorkerJourney.registered(quiz, PHONE, NAME));
		// the questions of today's paper, as quiz-service grades them, for the further submissions
		List<AnswerSubmitted.QuestionResult> results = new ArrayList<>();
		WorkerJourney.get(quiz, "/api/papers/today", worker.token).get("questions").forEach(q -> results.add(
				new AnswerSubmitted.QuestionResult(q.get("id").asString(), q.get("category").asString(), true)));
		WorkerJourney.answerToday(suite, quiz, worker.token);
		await().atMost(Duration.ofSeconds(60)).until(() -> worker.balance().get("total").asInt() == 10);
		worker.submitBurst(results);
		return worker;
	}

	private JsonMapper json() {
		return suite.context(Service.QUIZ).getBean(JsonMapper.class);
	}

	JsonNode balance() {
		return WorkerJourney.get(quiz, "/api/balance", token);
	}

	private void submitBurst(List<AnswerSubmitted.QuestionResult> results) throws Exception {
		CampaignDefinition campaign = suite.context(Service.QUIZ).getBean(Campaigns.class).active();
		LocalDate today = LocalDate.now(campaign.timeZone());
		List<LocalDate> later = campaign.startsOn().datesUntil(campaign.endsOn().plusDays(1))
			.filter(day -> day.isAfter(today))
			.limit(2)
			.toList();
		if (later.size() < 2) {
			throw new IllegalStateException("The demo campaign needs two days after today for the burst");
		}
		try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				RunningSuite.infrastructure().kafkaBootstrapServers()), new StringSerializer(), new StringSerializer())) {
			for (LocalDate day : later) {
				AnswerSubmitted answer = new AnswerSubmitted(UUID.randomUUID(), Instant.now(), campaign.id(),
						AnswerSubmitted.SCHEMA_VERSION, id, UUID.randomUUID(), "harbin", "harbin-0001", day, results, 10,
						10, 95_000);
				var record = new ProducerRecord<>(RunningSuite.TOPIC_PREFIX + Topics.ANSWER_SUBMITTED, id.toString(),
						json().writeValueAsString(answer));
				record.headers().add("contentType", "application/json".getBytes(StandardCharsets.UTF_8));
				record.headers().add("event-type", "AnswerSubmitted".getBytes(StandardCharsets.UTF_8));
				producer.send(record).get();
			}
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> balance().get("total").asInt() == 20);
	}

	/** Draws until a prize is won (the pool gives one in ten); the winning draw's id. */
	String drawUntilAPrize() {
		await().atMost(Duration.ofSeconds(60)).until(() -> balance().get("drawsAvailable").asInt() >= 50);
		int requested = balance().get("drawsRequested").asInt();
		for (int n = requested + 1; n <= requested + 100; n++) {
			String drawId = WorkerJourney.body(quiz.post().uri("/api/draws").headers(h -> h.setBearerAuth(token))
				.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("drawNumber", n)).exchange()
				.expectStatus().isAccepted()).get("drawId").asString();
			JsonNode draw = await().atMost(Duration.ofSeconds(60))
				.until(() -> WorkerJourney.get(quiz, "/api/draws/" + drawId, token),
						d -> !d.get("status").asString().equals("PENDING"));
			if (draw.hasNonNull("prizeId")) {
				return drawId;
			}
		}
		throw new AssertionError("No prize in 100 draws");
	}
}
