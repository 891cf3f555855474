package org.netsecweek.quiz.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.netsecweek.platform.campaign.Campaigns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Erases contact details when their campaign's retention ends ({@code privacy.contactRetentionDays} of the campaign
 * definition): an hour after start-up, then every {@code netsec.privacy.retention-check} (6 hours). Idempotent, so
 * several instances may run it.
 */
@Component
class ContactRetention {

	private static final Logger log = LoggerFactory.getLogger(ContactRetention.class);

	private final Erasure erasure;

	private final Campaigns campaigns;

	private final Clock clock;

	ContactRetention(Erasure erasure, Campaigns campaigns, Clock clock) {
		this.erasure = erasure;
		this.campaigns = campaigns;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${netsec.privacy.retention-first-check:PT1H}",
			fixedDelayString = "${netsec.privacy.retention-check:PT6H}")
	void run() {
		try {
			erase();
		}
		catch (RuntimeException ex) {
			log.warn("Retention run failed, will try again: {}", ex.toString());
		}
	}

	/** Runs the erasure for today, in the running campaign's time zone; emits how many workers were erased. */
	long erase() {
		ZoneId zone = campaigns.active().timeZone();
		Long erased = erasure.whenRetentionEnds(campaigns.all(), LocalDate.now(clock.withZone(zone)), zone)
			.block(Duration.ofMinutes(5));
		return erased == null ? 0 : erased;
	}
}
