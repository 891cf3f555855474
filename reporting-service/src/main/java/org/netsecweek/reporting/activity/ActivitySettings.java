package org.netsecweek.reporting.activity;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Offline activity knobs.
 *
 * @param organisationDirectory where the organisation directory is (a Spring resource: {@code classpath:...} or
 * {@code file:...}); the default is a copy of quiz-service's demo directory
 */
@Validated
@ConfigurationProperties("netsec.activities")
record ActivitySettings(@NotBlank @DefaultValue("classpath:reporting/organisations.csv") String organisationDirectory) {
}
