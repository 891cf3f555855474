package org.netsecweek.quiz.system;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How much one caller may ask of the service. A phone that follows the page makes a few requests a minute and polls
 * once a second at most; the limits stop scripts and stuck retry loops, not people.
 *
 * @param period the window in which each budget refills
 * @param workerRequests requests per period for one signed-in caller (by token subject: the worker id)
 * @param anonymousRequests requests per period for one client address without a token (sign-in, code requests,
 * campaign and directory look-ups); many phones can share an address behind a workplace's Wi-Fi or a carrier's NAT
 * @param behindTrustedProxy take the client address from the first entry of {@code X-Forwarded-For}; only when the
 * service is reachable solely through a proxy that sets that header, otherwise anyone could choose their address
 * @param exemptPaths never limited: the page, its assets and actuator
 * @param maxTrackedKeys budgets kept per kind (worker, anonymous) at most; idle ones are forgotten first
 * @param maxJsonBody the largest JSON request body accepted (413 beyond)
 */
@Validated
@ConfigurationProperties("netsec.quiz.limits")
public record LimitSettings(@NotNull @DurationMin(seconds = 1) @DefaultValue("10s") Duration period,
		@Min(1) @DefaultValue("20") int workerRequests, @Min(1) @DefaultValue("60") int anonymousRequests,
		@DefaultValue("false") boolean behindTrustedProxy,
		@NotNull @DefaultValue({ "/", "/index.html", "/favicon.ico", "/assets/**", "/actuator/**" }) List<String> exemptPaths,
		@Min(100) @Max(10_000_000) @DefaultValue("50000") int maxTrackedKeys,
		@NotNull @DefaultValue("64KB") DataSize maxJsonBody) {
}
