package org.netsecweek.quiz.paper;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param timeLimit how long after first seeing the day's paper a worker may submit it
 */
@Validated
@ConfigurationProperties("netsec.quiz.paper")
public record PaperSettings(@NotNull @DefaultValue("15m") Duration timeLimit) {
}
