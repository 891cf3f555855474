package org.netsecweek.reporting.report;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.campaign.Campaigns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Per union of the running campaign, for a Grafana dashboard of progress against the allocation table:
 * {@code participation.workers.covered} and {@code participation.organisations.active}, and their targets
 * {@code participation.workers.target} and {@code participation.organisations.target}. Re-read from the counters
 * every {@link ReportSettings#gaugeRefresh()}, so scrapes never query the database.
 */
@Component
class ProgressGauges {

	private static final Logger log = LoggerFactory.getLogger(ProgressGauges.class);

	private final Reports reports;

	private final CampaignDefinition campaign;

	private final ReportSettings settings;

	private final Map<String, AtomicLong> workersCovered = new java.util.HashMap<>();

	private final Map<String, AtomicLong> organisationsActive = new java.util.HashMap<>();

	/** Micrometer holds gauge values weakly: the targets are kept here so they are not collected. */
	private final java.util.List<AtomicLong> targets = new java.util.ArrayList<>();

	private volatile Disposable refreshing;

	ProgressGauges(Reports reports, Campaigns campaigns, ReportSettings settings, MeterRegistry meters) {
		this.reports = reports;
		this.campaign = campaigns.active();
		this.settings = settings;
		for (CampaignDefinition.Union union : campaign.unions()) {
			workersCovered.put(union.id(), gauge(meters, "participation.workers.covered",
					"Distinct workers who took at least one quiz", union, new AtomicLong()));
			organisationsActive.put(union.id(), gauge(meters, "participation.organisations.active",
					"Grassroots organisations with a quiz or an offline activity", union, new AtomicLong()));
			targets.add(gauge(meters, "participation.workers.target", "Workers to cover (allocation table)", union,
					new AtomicLong(union.targetWorkers())));
			targets.add(gauge(meters, "participation.organisations.target",
					"Organisations to activate (allocation table)", union, new AtomicLong(union.targetOrganisations())));
		}
	}

	private AtomicLong gauge(MeterRegistry meters, String name, String description, CampaignDefinition.Union union,
			AtomicLong value) {
		Gauge.builder(name, value, AtomicLong::get)
			.description(description)
			.tag("campaign", campaign.id())
			.tag("union", union.id())
			.tag("union_name", union.name())
			.register(meters);
		return value;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		refreshing = Flux.interval(settings.gaugeRefresh())
			.startWith(0L)
			.concatMap(tick -> refresh().onErrorResume(ex -> {
				log.warn("Could not refresh the progress gauges: {}", ex.toString());
				return Mono.empty();
			}))
			.subscribe();
	}

	/** Re-reads the gauges from the counters now. */
	Mono<Void> refresh() {
		return reports.live(campaign).doOnNext(report -> report.unions().forEach(row -> {
			workersCovered.get(row.unionId()).set(row.workersCovered());
			organisationsActive.get(row.unionId()).set(row.organisationsActive());
		})).then();
	}

	@PreDestroy
	void stop() {
		if (refreshing != null) {
			refreshing.dispose();
		}
	}
}
