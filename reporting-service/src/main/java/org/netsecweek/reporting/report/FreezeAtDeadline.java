package org.netsecweek.reporting.report;

import jakarta.annotation.PreDestroy;
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
 * Every {@link ReportSettings#freezeCheck()}, freezes the report of each campaign whose deadline has passed and that
 * has no snapshot yet. Several instances may run it: the first snapshot stored wins, the others find it.
 */
@Component
class FreezeAtDeadline {

	private static final Logger log = LoggerFactory.getLogger(FreezeAtDeadline.class);

	private final Reports reports;

	private final Campaigns campaigns;

	private final ReportSettings settings;

	private volatile Disposable checking;

	FreezeAtDeadline(Reports reports, Campaigns campaigns, ReportSettings settings) {
		this.reports = reports;
		this.campaigns = campaigns;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (settings.freezeCheck().isZero()) {
			log.info("Automatic freeze at the report deadline is off (netsec.report.freeze-check=0s)");
			return;
		}
		checking = Flux.interval(settings.freezeCheck())
			.startWith(0L)
			.concatMap(tick -> check().onErrorResume(ex -> {
				log.warn("Could not freeze the reports due: {}", ex.toString());
				return Mono.empty();
			}))
			.subscribe();
	}

	/** Freezes every campaign's report that is due and not frozen yet. */
	Mono<Void> check() {
		return Flux.fromIterable(campaigns.all())
			.filter(reports::isDue)
			.concatMap(campaign -> reports.snapshot(campaign.id())
				.hasElement()
				.filter(frozen -> !frozen)
				.flatMap(due -> reports.freeze(campaign, "scheduler"))
				.doOnNext(snapshot -> log.info("Froze the report of {} as of {}: sha256 {}", snapshot.campaignId(),
						snapshot.asOf(), snapshot.sha256())))
			.then();
	}

	@PreDestroy
	void stop() {
		if (checking != null) {
			checking.dispose();
		}
	}
}
