package org.netsecweek.platform.outbox;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The relay's knobs.
 *
 * @param pollInterval how long an idle relay waits before looking for new rows
 * @param batchSize rows published per transaction
 * @param retention how long sent rows are kept before they are purged
 * @param topicPrefix prepended to every topic (empty in production; tests use it to keep test classes apart)
 */
@Validated
@ConfigurationProperties("netsec.events")
public record OutboxSettings(@NotNull @DefaultValue("25ms") Duration pollInterval,
		@Min(1) @Max(5000) @DefaultValue("500") int batchSize, @NotNull @DefaultValue("3d") Duration retention,
		@NotNull @DefaultValue("") String topicPrefix) {

	public String topic(String topic) {
		return topicPrefix + topic;
	}
}
