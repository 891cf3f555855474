package org.netsecweek.platform.deadletter;

import org.netsecweek.events.Topics;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.cloud.stream.binder.kafka.utils.DlqDestinationResolver;
import org.springframework.context.annotation.Bean;

/**
 * Where a message goes after its bounded retries (see {@code spring.cloud.stream.default.consumer.*} in the
 * platform defaults): {@code <topic>.dlq}, whatever the consumer. The stream then moves on.
 */
@AutoConfiguration
public class DeadLetterConfiguration {

	@Bean
	DlqDestinationResolver deadLetterTopic() {
		return (record, exception) -> Topics.deadLetter(record.topic());
	}
}
