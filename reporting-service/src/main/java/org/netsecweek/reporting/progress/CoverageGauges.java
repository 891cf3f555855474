package org.netsecweek.reporting.progress;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.reporting.participation.Participation;
import org.netsecweek.reporting.participation.UnionTally;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gauge {@code participation.workers.covered} per union of the running campaign, for Grafana. Recounted from the
 * facts every {@link ProgressSettings#gaugeRefresh()} rather than per scrape, so scrapes never query the database.
 */
@Component
class CoverageGauges {

	private static final Logger log = LoggerFactory.getLogger(CoverageGauges.class);

	private final Participation participation;

	private final CampaignDefinition campaign;

	private final ProgressSettings settings;

	private final Map<String, AtomicLong> workersCovered;

	private volatile Disposable refreshing;

	CoverageGauges(Participation participation, Campaigns campaigns, ProgressSettings settings, MeterRegistry meters) {
		this.participation = participation;
		this.campaign = campaigns.active();
		this.settings = settings;
		this.workersCovered = campaign.unions()
			.stream()
			.collect(Collectors.toUnmodifiableMap(CampaignDefinition.Union::id, union -> new AtomicLong()));
		workersCovered.forEach((union, value) -> Gauge.builder("participation.workers.covered", value, AtomicLong::get)
			.description("Distinct workers with at least one participation")
			.tag("campaign", campaign.id())
			.tag("union", union)
			.register(meters));
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		refreshing = Flux.interval(settings.gaugeRefresh())
			.startWith(0L)
			.concatMap(tick -> refresh().onErrorResume(ex -> {
				log.warn("Could not recount workers covered: {}", ex.toString());
				return Mono.empty();
			}))
			.subscribe();
	}

	/** Recounts the gauges from the facts now. */
	Mono<Void> refresh() {
		return participation.tallies(campaign.id()).doOnNext(tallies -> workersCovered.forEach((union, value) -> value
			.set(tallies.getOrDefault(union, UnionTally.none(union)).workersCovered()))).then();
	}

	@PreDestroy
	void stop() {
		if (refreshing != null) {
			refreshing.dispose();
		}
	}
}
