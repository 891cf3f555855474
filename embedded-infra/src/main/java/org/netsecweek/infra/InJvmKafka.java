package org.netsecweek.infra;

import java.time.Duration;
import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** Kafka's own broker in KRaft mode, running in this JVM until it exits. */
final class InJvmKafka {

	private InJvmKafka() {
	}

	static String start(InfrastructureOptions options) {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, options.partitions());
		if (options.kafkaPort() > 0) {
			broker.kafkaPorts(options.kafkaPort());
		}
		broker.brokerProperties(Map.of("auto.create.topics.enable", "true", "num.partitions",
				String.valueOf(options.partitions()), "offsets.topic.num.partitions", "5",
				"group.initial.rebalance.delay.ms", "0", "log.retention.hours", "168"));
		broker.adminTimeout((int) Duration.ofSeconds(30).toSeconds());
		try {
			broker.afterPropertiesSet();
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("The in-JVM Kafka broker did not start"
					+ (options.kafkaPort() > 0 ? " on port " + options.kafkaPort() + " (is it in use?)" : "") + ": "
					+ ex.getMessage(), ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "kafka-broker-stop"));
		return broker.getBrokersAsString();
	}
}
