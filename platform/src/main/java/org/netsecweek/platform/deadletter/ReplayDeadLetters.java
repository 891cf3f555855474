package org.netsecweek.platform.deadletter;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.netsecweek.events.Topics;
import org.slf4j.LoggerFactory;

/**
 * Puts dead letters back on their topic, once the cause that sent them there is fixed: every record of
 * {@code <topic>.dlq} not replayed before goes back to {@code <topic>} with its key, value and headers (less the
 * binder's exception headers, plus {@code netsec-replayed-from}), then the consumer group {@code dead-letter-replay}
 * commits past it. The consumers are idempotent (ADR 002), so a record replayed twice still takes effect once; a
 * record that fails again simply lands in the dead letters again. The group's lag on a dead-letter topic is the
 * number of dead letters nobody has dealt with. Exit status 0 when done, 2 on a failure.
 * <pre>
 * java -cp quiz-service-*-exec.jar -Dloader.main=org.netsecweek.platform.deadletter.ReplayDeadLetters \
 *     org.springframework.boot.loader.launch.PropertiesLauncher \
 *     [--netsec.kafka.bootstrap-servers=host:9092] [--netsec.events.topic-prefix=...] [--topic=answer-submitted]
 * </pre>
 * Without {@code --topic}, the dead letters of all four topics. The broker defaults to
 * {@code NETSEC_KAFKA_BOOTSTRAP_SERVERS}, then {@code localhost:9092}, as the services' own.
 */
public final class ReplayDeadLetters {

	/** The consumer group whose committed offsets mark what was replayed. */
	public static final String GROUP = "dead-letter-replay";

	/** Added to each replayed record: {@code <dead-letter topic>/<partition>/<offset>}. */
	public static final String REPLAYED_FROM = "netsec-replayed-from";

	private static final List<String> ALL = List.of(Topics.ANSWER_SUBMITTED, Topics.POINTS_AWARDED,
			Topics.DRAW_REQUESTED, Topics.DRAW_COMPLETED);

	private ReplayDeadLetters() {
	}

	public static void main(String[] args) {
		if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
			root.setLevel(ch.qos.logback.classic.Level.ERROR); // no Spring Boot here to set the usual levels
		}
		System.exit(run(System.out, System.err, args));
	}

	/** Replays with these arguments; returns the exit status. */
	public static int run(PrintStream out, PrintStream err, String... args) {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			int eq = arg.indexOf('=');
			if (!arg.startsWith("--") || eq < 0) {
				err.println("usage: [--netsec.kafka.bootstrap-servers=host:port] [--netsec.events.topic-prefix=p] "
						+ "[--topic=answer-submitted]; not understood: " + arg);
				return 2;
			}
			options.put(arg.substring(2, eq), arg.substring(eq + 1));
		}
		String servers = options.getOrDefault("netsec.kafka.bootstrap-servers",
				System.getenv().getOrDefault("NETSEC_KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));
		String prefix = options.getOrDefault("netsec.events.topic-prefix", "");
		List<String> topics = options.containsKey("topic") ? List.of(options.get("topic")) : ALL;
		try {
			Map<String, Integer> replayed = replay(servers, topics.stream().map(t -> prefix + t).toList());
			replayed.forEach((topic, n) -> out.printf("重放 replayed %d dead letters %s -> %s%n", n,
					Topics.deadLetter(topic), topic));
			return 0;
		}
		catch (Exception ex) {
			err.println("重放失败 replay failed: " + ex);
			return 2;
		}
	}

	/** The number of records replayed, by topic. */
	static Map<String, Integer> replay(String servers, List<String> topics) throws Exception {
		Map<String, Integer> replayed = new LinkedHashMap<>();
		try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
				ConsumerConfig.GROUP_ID_CONFIG, GROUP, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(),
				new ByteArrayDeserializer());
				var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
						ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
						new ByteArraySerializer(), new ByteArraySerializer())) {
			Set<String> existing = consumer.listTopics(Duration.ofSeconds(30)).keySet();
			for (String topic : topics) {
				String deadLetters = Topics.deadLetter(topic);
				if (!existing.contains(deadLetters)) {
					replayed.put(topic, 0);
					continue;
				}
				List<TopicPartition> partitions = consumer.partitionsFor(deadLetters, Duration.ofSeconds(30))
					.stream()
					.map(p -> new TopicPartition(deadLetters, p.partition()))
					.toList();
				replayed.put(topic, replayPartitions(consumer, producer, topic, partitions));
			}
		}
		return replayed;
	}

	private static int replayPartitions(KafkaConsumer<byte[], byte[]> consumer, KafkaProducer<byte[], byte[]> producer,
			String topic, List<TopicPartition> partitions) throws Exception {
		Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
		Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions),
				Duration.ofSeconds(30));
		consumer.assign(partitions);
		for (TopicPartition partition : partitions) {
			OffsetAndMetadata done = committed.get(partition);
			if (done == null) {
				consumer.seekToBeginning(List.of(partition));
			}
			else {
				consumer.seek(partition, done.offset());
			}
		}
		List<Future<?>> sends = new ArrayList<>();
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("could not read " + Topics.deadLetter(topic) + " to its end in 2 min");
			}
			for (var record : consumer.poll(Duration.ofMillis(500))) {
				if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
					continue; // arrived after the start: the next replay takes it
				}
				RecordHeaders headers = new RecordHeaders();
				for (Header header : record.headers()) {
					if (!header.key().startsWith("kafka_dlt-") && !header.key().startsWith("x-exception")
							&& !header.key().startsWith("x-original")) {
						headers.add(header);
					}
				}
				headers.add(REPLAYED_FROM, (record.topic() + "/" + record.partition() + "/" + record.offset())
					.getBytes(java.nio.charset.StandardCharsets.UTF_8));
				sends.add(producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers)));
			}
		}
		for (Future<?> send : sends) {
			send.get();
		}
		Map<TopicPartition, OffsetAndMetadata> replayedTo = new HashMap<>();
		ends.forEach((partition, end) -> replayedTo.put(partition, new OffsetAndMetadata(end)));
		consumer.commitSync(replayedTo);
		consumer.unsubscribe();
		return sends.size();
	}
}
