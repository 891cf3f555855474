package org.netsecweek.reporting.report;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Report knobs.
 *
 * @param gaugeRefresh how often the per-union gauges are re-read from the counters
 * @param freezeCheck how often to look for campaigns whose report deadline passed without a snapshot; {@code 0s}
 * turns the automatic freeze off (a province admin can still freeze on demand)
 * @param settleTime a snapshot counts events received up to this long before it is taken, so that a transaction
 * still in flight when it is taken (the inbox waits at most 60 s) cannot commit a fact the snapshot should have
 * counted; re-generation then sees exactly the same facts
 */
@Validated
@ConfigurationProperties("netsec.report")
record ReportSettings(@NotNull @DefaultValue("30s") Duration gaugeRefresh,
		@NotNull @DefaultValue("1m") Duration freezeCheck, @NotNull @DefaultValue("2m") Duration settleTime) {
}
