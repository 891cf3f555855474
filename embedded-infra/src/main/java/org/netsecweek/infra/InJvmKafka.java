package org.netsecweek.infra;

import java.time.Duration;
import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Kafka's own broker in KRaft mode, running in this JVM, on a free port it picks itself (Kafka's KRaft test kit
 * takes no fixed port; clients get the address from {@link Infrastructure#kafkaBootstrapServers()}).
 */
final class InJvmKafka implements AutoCloseable {

	private final EmbeddedKafkaKraftBroker broker;

	private InJvmKafka(EmbeddedKafkaKraftBroker broker) {
		this.broker = broker;
	}

	static InJvmKafka start(InfrastructureOptions options) {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, options.partitions());
		broker.brokerProperties(Map.of("auto.create.topics.enable", "true", "num.partitions",
				String.valueOf(options.partitions()), "offsets.topic.num.partitions", "5",
				"group.initial.rebalance.delay.ms", "0", "log.retention.hours", "168"));
		broker.adminTimeout((int) Duration.ofSeconds(30).toSeconds());
		try {
			broker.afterPropertiesSet();
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("The in-JVM Kafka broker did not start: " + ex.getMessage(), ex);
		}
		return new InJvmKafka(broker);
	}

	String bootstrapServers() {
		return broker.getBrokersAsString();
	}

	@Override
	public void close() {
		broker.destroy();
	}

	@Override
	public String toString() {
		return "Kafka broker at " + bootstrapServers();
	}
}
