package org.netsecweek.platform.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.netsecweek.events.Topics;
import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.campaign.Campaigns;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.cloud.stream.binder.kafka.utils.DlqDestinationResolver;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * Metrics the dashboards and alerts in {@code deploy/} need and no feature owns: dead letters sent, per dead-letter
 * topic (registered at zero for every consumed topic, so "none yet" is a series too), and the active campaign's
 * allocation targets per union, so coverage can be drawn against its target, and when the campaign ends.
 */
@AutoConfiguration
@ConditionalOnClass(MeterRegistry.class)
public class DeploymentMetrics {

	static final String DEAD_LETTERS = "deadletters.sent";

	/** Counts each record the binder sends to {@code <topic>.dlq}, then lets the platform's resolver name it. */
	@Bean
	static BeanPostProcessor countDeadLetters(ObjectProvider<MeterRegistry> meters) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DlqDestinationResolver resolver) {
					return (DlqDestinationResolver) (record, exception) -> {
						String topic = resolver.apply(record, exception);
						meters.ifAvailable(registry -> deadLetters(registry, topic).increment());
						return topic;
					};
				}
				return bean;
			}
		};
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> registerDeadLetterCounters(ObjectProvider<BindingServiceProperties> bindings,
			ObjectProvider<MeterRegistry> meters) {
		return ready -> bindings.ifAvailable(properties -> meters.ifAvailable(registry -> properties.getBindings()
			.forEach((name, binding) -> {
				if (binding.getDestination() != null && name.contains("-in-")) {
					deadLetters(registry, Topics.deadLetter(binding.getDestination()));
				}
			})));
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> registerCampaignTargets(ObjectProvider<Campaigns> campaigns,
			ObjectProvider<MeterRegistry> meters) {
		return ready -> campaigns.ifAvailable(all -> meters.ifAvailable(registry -> targets(all.active(), registry)));
	}

	private static void targets(CampaignDefinition campaign, MeterRegistry meters) {
		// the alert on prizes running out early projects the stock to this instant
		Gauge.builder("campaign.ends", campaign,
				c -> c.endsOn().plusDays(1).atStartOfDay(c.timeZone()).toEpochSecond())
			.baseUnit("timestamp_seconds")
			.description("When the campaign's last day is over")
			.tag("campaign", campaign.id())
			.register(meters);
		for (CampaignDefinition.Union union : campaign.unions()) {
			Gauge.builder("campaign.target.workers", union, u -> u.targetWorkers())
				.description("Workers the allocation table asks this union to cover")
				.tags("campaign", campaign.id(), "union", union.id())
				.register(meters);
			Gauge.builder("campaign.target.organisations", union, u -> u.targetOrganisations())
				.description("Grassroots organisations the allocation table asks this union to activate")
				.tags("campaign", campaign.id(), "union", union.id())
				.register(meters);
		}
	}

	private static Counter deadLetters(MeterRegistry meters, String topic) {
		return Counter.builder(DEAD_LETTERS)
			.description("Records sent to a dead-letter topic after their retries")
			.tag("topic", topic)
			.register(meters);
	}
}
