package org.netsecweek.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

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
import org.netsecweek.events.Topics;
import org.netsecweek.infra.KafkaProbe;

/** The suite's topics as the books see them: end offsets, each consumer group's lag, dead letters, a replay. */
final class EventLog {

	private final String bootstrapServers;

	private final String prefix;

	EventLog(String bootstrapServers, String prefix) {
		this.bootstrapServers = bootstrapServers;
		this.prefix = prefix;
	}

	/** The end offset of every partition of the four topics. */
	Map<TopicPartition, Long> ends() {
		return ends(Service.TOPICS.stream().map(t -> prefix + t).toList());
	}

	/** Records the service's consumer group has not consumed up to {@code ends} (0: caught up). */
	long behind(Service service, Map<TopicPartition, Long> ends) {
		Map<TopicPartition, OffsetAndMetadata> committed = get(admin -> admin
			.listConsumerGroupOffsets(service.serviceName()).partitionsToOffsetAndMetadata().get());
		long behind = 0;
		for (var end : ends.entrySet()) {
			if (service.consumes().stream().anyMatch(t -> end.getKey().topic().equals(prefix + t))) {
				OffsetAndMetadata offset = committed.get(end.getKey());
				behind += Math.max(0, end.getValue() - (offset == null ? 0 : offset.offset()));
			}
		}
		return behind;
	}

	/** Every consumer group's lag now, summed. */
	long lag() {
		Map<TopicPartition, Long> ends = ends();
		long lag = 0;
		for (Service service : Service.values()) {
			lag += behind(service, ends);
		}
		return lag;
	}

	/** Records in the dead-letter topic of each topic (prefixed name → count). */
	Map<String, Long> deadLetters() {
		Map<String, Long> counts = new java.util.TreeMap<>();
		for (String topic : Service.TOPICS) {
			String deadLetters = Topics.deadLetter(prefix + topic);
			counts.put(deadLetters, ends(List.of(deadLetters)).values().stream().mapToLong(Long::longValue).sum());
		}
		return counts;
	}

	/** Dead letters nobody has replayed: the lag of the replay command's group on the dead-letter topics. */
	long deadLettersNotReplayed() {
		Map<TopicPartition, Long> ends = ends(Service.TOPICS.stream().map(t -> Topics.deadLetter(prefix + t)).toList());
		Map<TopicPartition, OffsetAndMetadata> replayed = get(admin -> admin
			.listConsumerGroupOffsets("dead-letter-replay").partitionsToOffsetAndMetadata().get());
		return ends.entrySet().stream().mapToLong(e -> e.getValue()
				- (replayed.get(e.getKey()) == null ? 0 : replayed.get(e.getKey()).offset())).sum();
	}

	/**
	 * Delivers every record of the four topics again, in a shuffled order: key, value and headers alike, so each
	 * lands on its own partition again, but after its successors. Returns the number of records replayed.
	 */
	int replayShuffled(long seed) throws Exception {
		Map<TopicPartition, Long> ends = ends();
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG, "faults-replay-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.assign(ends.keySet());
			consumer.seekToBeginning(ends.keySet());
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (ends.keySet().stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
				if (System.nanoTime() > deadline) {
					throw new AssertionError("Could not read the topics to their ends");
				}
				for (var record : consumer.poll(Duration.ofMillis(200))) {
					if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
						records.add(record);
					}
				}
			}
		}
		Collections.shuffle(records, new Random(seed));
		try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(),
				new ByteArraySerializer())) {
			List<Future<?>> sends = new ArrayList<>();
			for (var record : records) {
				sends.add(producer.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(),
						record.headers())));
			}
			for (Future<?> send : sends) {
				send.get();
			}
		}
		return records.size();
	}

	private Map<TopicPartition, Long> ends(List<String> topics) {
		return new KafkaProbe(bootstrapServers).endOffsets(topics);
	}

	private interface AdminCall<T> {

		T apply(Admin admin) throws ExecutionException, InterruptedException;
	}

	private <T> T get(AdminCall<T> call) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000))) {
			return call.apply(admin);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
