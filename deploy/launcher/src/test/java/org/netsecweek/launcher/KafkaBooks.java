package org.netsecweek.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.netsecweek.infra.KafkaProbe;

/** What the end-to-end test asks of Kafka itself: replaying topics and the consumers' lag. */
final class KafkaBooks {

	private final String bootstrapServers;

	KafkaBooks(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
	}

	/** Publishes every record of the topics again, key, value and headers alike: a full redelivery. */
	int replay(List<String> topics) throws Exception {
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG, "replay-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			Map<TopicPartition, Long> ends = endOffsets(topics);
			consumer.assign(ends.keySet());
			consumer.seekToBeginning(ends.keySet());
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (ends.keySet().stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
				if (System.nanoTime() > deadline) {
					throw new AssertionError("Could not read " + topics + " to their ends");
				}
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
		}
		try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				bootstrapServers), new ByteArraySerializer(), new ByteArraySerializer())) {
			for (var record : records) {
				producer.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(), record.headers()))
					.get();
			}
		}
		return records.size();
	}

	/** Records not yet consumed by the groups on the topics: 0 when every consumer has caught up. */
	long lag(Set<String> groups, List<String> topics) throws ExecutionException, InterruptedException {
		Map<TopicPartition, Long> ends = endOffsets(topics);
		long lag = 0;
		try (Admin admin = admin()) {
			for (String group : groups) {
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
					.partitionsToOffsetAndMetadata()
					.get();
				for (var end : ends.entrySet()) {
					if (!consumes(group, end.getKey().topic())) {
						continue;
					}
					OffsetAndMetadata offset = committed.get(end.getKey());
					lag += end.getValue() - (offset == null ? 0 : offset.offset());
				}
			}
		}
		return lag;
	}

	/** Records in the topics (existing or not). */
	long count(List<String> topics) throws ExecutionException, InterruptedException {
		return endOffsets(topics).values().stream().mapToLong(Long::longValue).sum();
	}

	private static boolean consumes(String group, String topic) {
		return switch (group) {
			case "scoring-service" -> topic.endsWith("answer-submitted") || topic.endsWith("draw-completed");
			case "quiz-service" -> topic.endsWith("points-awarded") || topic.endsWith("draw-completed");
			case "lottery-service" -> topic.endsWith("points-awarded") || topic.endsWith("draw-requested");
			case "reporting-service" -> true;
			default -> false;
		};
	}

	private Map<TopicPartition, Long> endOffsets(List<String> topics) {
		return new KafkaProbe(bootstrapServers).endOffsets(topics);
	}

	private Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
	}
}
