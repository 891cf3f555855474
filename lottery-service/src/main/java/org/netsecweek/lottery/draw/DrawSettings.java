package org.netsecweek.lottery.draw;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long draw requests wait for their entitlement.
 *
 * @param pendingTimeout a request without an entitlement is rejected ({@code no-entitlement}) once it has waited
 * this long for the PointsAwarded that would earn it
 * @param sweepInterval how often expired requests are looked for
 */
@Validated
@ConfigurationProperties("netsec.lottery.draws")
record DrawSettings(@NotNull @DefaultValue("2m") Duration pendingTimeout,
		@NotNull @DefaultValue("30s") Duration sweepInterval) {
}
