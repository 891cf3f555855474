package org.netsecweek.lottery.draw;

import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.netsecweek.events.Topics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * Dead letters of the batch binding {@code performDraw-in-0}, as scoring's {@code bookPoints} has them: in batch
 * mode the binder neither retries nor knows which record failed, so the binding names this container error handler
 * ({@code common-error-handler-bean-name}). {@link PerformDraw} reports the failing record's index; this handler
 * commits the records before it, retries from it with the platform's back-off (4 attempts, 200 ms × 3 up to 5 s)
 * and then publishes it, as it came, to {@code <topic>.dlq}.
 */
@Configuration(proxyBeanMethods = false)
class PerformDrawErrorHandling {

	@Bean
	DefaultErrorHandler performDrawErrorHandler(Environment environment) {
		var producer = new DefaultKafkaProducerFactory<byte[], byte[]>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
						environment.getRequiredProperty("netsec.kafka.bootstrap-servers")),
				new ByteArraySerializer(), new ByteArraySerializer());
		var deadLetters = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(producer),
				(record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
		var backOff = new ExponentialBackOffWithMaxRetries(3);
		backOff.setInitialInterval(200);
		backOff.setMultiplier(3.0);
		backOff.setMaxInterval(5000);
		return new DefaultErrorHandler(deadLetters, backOff);
	}
}
