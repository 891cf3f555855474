package org.netsecweek.reporting.console;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the staff console's browser reaches each service's API (ADR 008). Each address is as the staff's browsers
 * see it, not as the services see each other; an empty address means the console's own origin (an ingress that
 * routes every service's {@code /api/admin/**} under one host).
 *
 * @param quizUrl quiz-service: organisation directory, question bank, delivery lists
 * @param scoringUrl scoring-service: review, adjustments, ledgers
 * @param lotteryUrl lottery-service: prizes, winners, fairness
 */
@Validated
@ConfigurationProperties("netsec.console")
record ConsoleSettings(@NotNull String quizUrl, @NotNull String scoringUrl, @NotNull String lotteryUrl) {
}
