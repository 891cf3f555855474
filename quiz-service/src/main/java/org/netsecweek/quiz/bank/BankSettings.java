package org.netsecweek.quiz.bank;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The question bank's knobs.
 *
 * @param refreshInterval how often an instance compares its in-memory bank's version with the database's, to pick
 * up an import made on another instance
 * @param maxFileSize the largest import file accepted; a larger one gets 413
 * @param maxQuestions the most questions a bank may hold
 */
@Validated
@ConfigurationProperties("netsec.quiz.bank")
record BankSettings(@NotNull @DefaultValue("5s") Duration refreshInterval,
		@NotNull @DefaultValue("5MB") DataSize maxFileSize,
		@Min(1) @Max(20000) @DefaultValue("3000") int maxQuestions) {

	BankSettings {
		if (refreshInterval != null && (refreshInterval.isNegative() || refreshInterval.isZero())) {
			throw new IllegalArgumentException("netsec.quiz.bank.refresh-interval must be positive");
		}
		if (maxFileSize != null && (maxFileSize.toBytes() < 1 || maxFileSize.toMegabytes() > 100)) {
			throw new IllegalArgumentException("netsec.quiz.bank.max-file-size must be between 1B and 100MB");
		}
	}
}
