package org.netsecweek.scoring.integrity;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.campaign.Campaigns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gauge {@code ledger.integrity.problems{campaign,check}}: what the last integrity check found, rerun every
 * {@code netsec.scoring.integrity.interval} (5 minutes) for every campaign, so an alert can fire on any non-zero.
 */
@Component
class IntegrityGauges {

	private static final Logger log = LoggerFactory.getLogger(IntegrityGauges.class);

	private final IntegrityCheck check;

	private final Campaigns campaigns;

	private final MeterRegistry meters;

	private final Map<String, AtomicLong> problems = new ConcurrentHashMap<>();

	IntegrityGauges(IntegrityCheck check, Campaigns campaigns, MeterRegistry meters) {
		this.check = check;
		this.campaigns = campaigns;
		this.meters = meters;
	}

	@Scheduled(initialDelayString = "${netsec.scoring.integrity.initial-delay:PT1M}",
			fixedDelayString = "${netsec.scoring.integrity.interval:PT5M}")
	void refresh() {
		for (CampaignDefinition campaign : campaigns.all()) {
			try {
				record(check.run(campaign).block(Duration.ofMinutes(2)));
			}
			catch (RuntimeException ex) {
				log.warn("Integrity check of campaign {} failed: {}", campaign.id(), ex.toString());
			}
		}
	}

	void record(IntegrityReport report) {
		report.problemCounts().forEach((name, count) -> problems.computeIfAbsent(report.campaignId() + "/" + name,
				key -> {
					AtomicLong value = new AtomicLong();
					Gauge.builder("ledger.integrity.problems", value, AtomicLong::get)
						.description("Problems the last ledger integrity check found (0 = the rule holds)")
						.tags("campaign", report.campaignId(), "check", name)
						.register(meters);
					return value;
				})
			.set(count));
		if (!report.passed()) {
			log.error("Ledger integrity check of campaign {} found problems: {}", report.campaignId(),
					report.problemCounts());
		}
	}
}
