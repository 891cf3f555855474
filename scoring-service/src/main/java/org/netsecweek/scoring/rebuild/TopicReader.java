package org.netsecweek.scoring.rebuild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its beginning up to the end it had when reading started, with a consumer of its own: assigned
 * partitions, no group, nothing committed, so the services' consumer groups are untouched. Records arrive in
 * batches, each partition's in offset order.
 */
final class TopicReader {

	private final String bootstrapServers;

	private final int batchSize;

	TopicReader(String bootstrapServers, int batchSize) {
		this.bootstrapServers = bootstrapServers;
		this.batchSize = batchSize;
	}

	/** Hands the values of each poll to {@code batch}; returns how many records were read. */
	long read(String topic, Consumer<List<String>> batch) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batchSize,
				ConsumerConfig.CLIENT_ID_CONFIG, "scoring-rebuild");
		try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
			List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
			if (infos == null || infos.isEmpty()) {
				return 0;
			}
			List<TopicPartition> partitions = infos.stream()
				.map(info -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
			long read = 0;
			while (!reached(consumer, end)) {
				List<String> values = new ArrayList<>();
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
						values.add(record.value());
					}
				}
				if (!values.isEmpty()) {
					batch.accept(values);
					read += values.size();
				}
			}
			return read;
		}
	}

	private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
		return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
	}
}
