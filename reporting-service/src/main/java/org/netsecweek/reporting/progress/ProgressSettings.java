package org.netsecweek.reporting.progress;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Progress knobs.
 *
 * @param gaugeRefresh how often the workers-covered gauges are recounted from the facts
 */
@Validated
@ConfigurationProperties("netsec.progress")
record ProgressSettings(@NotNull @DefaultValue("30s") Duration gaugeRefresh) {
}
