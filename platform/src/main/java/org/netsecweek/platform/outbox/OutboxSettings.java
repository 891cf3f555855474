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
 * @param pollInterval the shortest time between two looks of a busy relay, so that the rows committed meanwhile go
 * out in one batch; a relay told of new rows after a quiet spell looks at once
 * @param idlePollInterval how often a relay that was told of no new rows looks anyway (rows another instance wrote
 * and could not publish; its own rows wake it at once)
 * @param batchSize rows published per transaction
 * @param retention how long sent rows are kept before they are purged
 * @param topicPrefix prepended to every topic (empty in production; tests use it to keep test classes apart)
 */
@Validated
@ConfigurationProperties("netsec.events")
public record OutboxSettings(@NotNull @DefaultValue("25ms") Duration pollInterval,
		@NotNull @DefaultValue("1s") Duration idlePollInterval,
		@Min(1) @Max(5000) @DefaultValue("500") int batchSize, @NotNull @DefaultValue("3d") Duration retention,
		@NotNull @DefaultValue("") String topicPrefix) {

	public String topic(String topic) {
		return topicPrefix + topic;
	}
}
