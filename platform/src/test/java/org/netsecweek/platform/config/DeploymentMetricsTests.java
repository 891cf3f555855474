package org.netsecweek.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.cloud.stream.binder.kafka.utils.DlqDestinationResolver;

class DeploymentMetricsTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final BeanPostProcessor processor = DeploymentMetrics
		.countDeadLetters(new StaticListableBeanFactory(Map.of("meters", meters)).getBeanProvider(MeterRegistry.class));

	@Test
	void countsEveryRecordTheResolverSendsToADeadLetterTopicByThatTopic() {
		DlqDestinationResolver resolver = (record, exception) -> record.topic() + ".dlq";
		DlqDestinationResolver counted = (DlqDestinationResolver) processor.postProcessAfterInitialization(resolver,
				"deadLetterTopic");

		assertThat(counted.apply(new ConsumerRecord<>("answer-submitted", 0, 0L, "k", "v"), new RuntimeException()))
			.isEqualTo("answer-submitted.dlq");
		counted.apply(new ConsumerRecord<>("answer-submitted", 1, 7L, "k", "v"), new RuntimeException());
		counted.apply(new ConsumerRecord<>("draw-requested", 0, 3L, "k", "v"), new RuntimeException());

		assertThat(meters.get("deadletters.sent").tag("topic", "answer-submitted.dlq").counter().count()).isEqualTo(2);
		assertThat(meters.get("deadletters.sent").tag("topic", "draw-requested.dlq").counter().count()).isEqualTo(1);
	}

	@Test
	void leavesEveryOtherBeanAsItIs() {
		Object other = new Object();
		assertThat(processor.postProcessAfterInitialization(other, "other")).isSameAs(other);
	}
}
