package org.netsecweek.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.netsecweek.events.EventFixtures;
import org.netsecweek.events.Topics;
import org.netsecweek.events.quiz.DrawRequested;
import org.netsecweek.platform.PlatformIntegrationTest;
import org.netsecweek.platform.PlatformTestApplication;
import org.netsecweek.platform.outbox.OutboxSettings;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

@PlatformIntegrationTest
class DeadLetterIntegrationTests {

	@Value("${netsec.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Autowired
	OutboxSettings settings;

	@Test
	void aPoisonMessageGoesToTheDeadLetterTopicAndTheStreamMovesOn() throws Exception {
		String topic = settings.topic(Topics.DRAW_REQUESTED);
		String fixture = new String(EventFixtures.bytes(EventFixtures.DRAW_REQUESTED));
		String poison = fixture.replace("\"drawNumber\": 1", "\"drawNumber\": -1");
		String unreadable = "{ this is not json";
		String good = fixture.replace("\"drawNumber\": 1", "\"drawNumber\": 7");
		try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				bootstrapServers), new StringSerializer(), new StringSerializer())) {
			for (String value : List.of(poison, unreadable, good)) {
				var record = new ProducerRecord<>(topic, "6f1c8a52-8d3e-4b7a-9c1d-2e5f7a9b0c11", value);
				record.headers().add("contentType", "application/json".getBytes());
				producer.send(record).get();
			}
		}

		await().atMost(Duration.ofSeconds(60))
			.until(() -> PlatformTestApplication.accepted.stream().anyMatch(e -> e.drawNumber() == 7));
		assertThat(PlatformTestApplication.accepted).extracting(DrawRequested::drawNumber).doesNotContain(-1);
		assertThat(deadLetters(Topics.deadLetter(topic), 2)).containsExactlyInAnyOrder(poison, unreadable);
	}

	private List<String> deadLetters(String topic, int expected) {
		List<String> values = new ArrayList<>();
		try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG, "dlq-check-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
				return values.size() >= expected;
			});
		}
		return values;
	}

}
