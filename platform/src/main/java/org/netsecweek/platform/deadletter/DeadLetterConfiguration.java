package org.netsecweek.platform.deadletter;

import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.netsecweek.events.Topics;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * Where a message goes after its bounded retries (see {@code spring.cloud.stream.default.consumer.*} in the
 * platform defaults): {@code <topic>.dlq}, whatever the consumer. The stream then moves on.
 */
@AutoConfiguration
public class DeadLetterConfiguration {

	/**
	 * Dead letters of a batch binding, record by record. Every binding is in batch mode (the platform defaults), and
	 * there the binder's own DLQ would take the whole polled batch (the fault suite's poison message took three sound
	 * events of reporting-service's batch with it), so the bindings name this container error handler instead
	 * ({@code common-error-handler-bean-name: batchDeadLetters}, {@code enable-dlq: false}), and their handlers
	 * report the failing record's index with a {@code BatchListenerFailedException}: the records before it are
	 * committed, it is retried with the platform's back-off ({@code spring.cloud.stream.default.consumer.max-attempts}
	 * and {@code back-off-*}: 4 attempts, 200 ms × 3 up to 5 s) and then published, as it came, to
	 * {@code <topic>.dlq}.
	 */
	@Bean
	DefaultErrorHandler batchDeadLetters(Environment environment) {
		var producer = new DefaultKafkaProducerFactory<byte[], byte[]>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
						environment.getRequiredProperty("netsec.kafka.bootstrap-servers")),
				new ByteArraySerializer(), new ByteArraySerializer());
		var deadLetters = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(producer),
				(record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
		String retries = "spring.cloud.stream.default.consumer.";
		var backOff = new ExponentialBackOffWithMaxRetries(
				environment.getProperty(retries + "max-attempts", Integer.class, 4) - 1);
		backOff.setInitialInterval(environment.getProperty(retries + "back-off-initial-interval", Long.class, 200L));
		backOff.setMultiplier(environment.getProperty(retries + "back-off-multiplier", Double.class, 3.0));
		backOff.setMaxInterval(environment.getProperty(retries + "back-off-max-interval", Long.class, 5000L));
		return new DefaultErrorHandler(deadLetters, backOff);
	}
}
