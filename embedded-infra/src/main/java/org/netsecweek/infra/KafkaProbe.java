package org.netsecweek.infra;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes raw records to a topic and reads them back, for tests that feed and check services through Kafka. */
public final class KafkaProbe {

	private final String bootstrapServers;

	public KafkaProbe(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
	}

	/** Sends JSON values as a producer of the suite would: keyed, with a JSON content type. */
	public void send(String topic, String key, String... jsonValues) {
		try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				bootstrapServers), new StringSerializer(), new StringSerializer())) {
			for (String value : jsonValues) {
				var record = new ProducerRecord<>(topic, key, value);
				record.headers().add("contentType", "application/json".getBytes(StandardCharsets.UTF_8));
				producer.send(record).get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not send to " + topic, ex.getCause());
		}
	}

	/** The end offset of every partition of those of the topics that exist. */
	public Map<TopicPartition, Long> endOffsets(Collection<String> topics) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				15_000))) {
			Set<String> existing = admin.listTopics().names().get();
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			for (var description : admin.describeTopics(topics.stream().filter(existing::contains).toList())
				.allTopicNames()
				.get()
				.values()) {
				description.partitions()
					.forEach(p -> latest.put(new TopicPartition(description.name(), p.partition()), OffsetSpec.latest()));
			}
			Map<TopicPartition, Long> ends = new HashMap<>();
			admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
			return ends;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not read the end offsets of " + topics, ex.getCause());
		}
	}

	/**
	 * Reads the topic from its start until {@code expected} values matching {@code filter} arrived, or fails after
	 * {@code timeout}.
	 */
	public List<String> read(String topic, Predicate<String> filter, int expected, Duration timeout) {
		List<String> values = new ArrayList<>();
		try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + timeout.toNanos();
			while (values.size() < expected) {
				if (System.nanoTime() > deadline) {
					throw new AssertionError("Expected " + expected + " matching records on " + topic + " within "
							+ timeout + ", got " + values.size() + ": " + values);
				}
				consumer.poll(Duration.ofMillis(200)).forEach(record -> {
					if (filter.test(record.value())) {
						values.add(record.value());
					}
				});
			}
		}
		return values;
	}
}
