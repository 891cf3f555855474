package org.netsecweek.lottery.draw;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How draws are taken.
 *
 * @param pendingTimeout a request without an entitlement is rejected ({@code no-entitlement}) once it has waited
 * this long for the PointsAwarded that would earn it
 * @param sweepInterval how often expired requests are looked for
 * @param prizeCapPerWorker physical prizes one worker may win in a campaign (0: no cap); a worker at the cap has
 * further draws rejected ({@code prize-cap-reached}) without using an entitlement, so more workers win something
 */
@Validated
@ConfigurationProperties("netsec.lottery.draws")
record DrawSettings(@NotNull @DefaultValue("2m") Duration pendingTimeout,
		@NotNull @DefaultValue("30s") Duration sweepInterval, @Min(0) @DefaultValue("1") int prizeCapPerWorker) {
}
