package org.netsecweek.platform.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Token keys and access rules.
 *
 * @param keyDirectory holds {@code token-signing.pem} (private, needed only by issuers) and
 * {@code token-signing.pub.pem} (public, needed by every service); mount it from a secret in production
 * @param generateKeyIfMissing create a demo key pair on first start when the directory has none (local runs
 * only; production sets NETSEC_GENERATE_DEMO_KEY=false, and a missing key then stops the service)
 * @param issuer the {@code iss} of every token
 * @param tokenLifetime how long a token is valid
 * @param publicPaths paths anyone may call without a token, besides health, metrics and the API description
 * @param provincePaths admin endpoints for province admins only, each {@code "[METHOD ]pattern"} (for example
 * {@code "PUT /api/admin/prizes/**"}): refused to union admins before the request is even read. Every other
 * {@code /api/admin/**} path is for union and province admins, and every other {@code /api/**} path for workers.
 * @param consoleOrigins the origins of the staff console (reporting-service's address as staff's browsers see it,
 * e.g. {@code https://report.example.org}) allowed to call this service's API across origins; none allows none. See
 * ADR 008.
 */
@Validated
@ConfigurationProperties("netsec.security")
public record SecuritySettings(@NotNull Path keyDirectory, @DefaultValue("false") boolean generateKeyIfMissing,
		@NotBlank @DefaultValue("netsec-week") String issuer, @NotNull @DefaultValue("12h") Duration tokenLifetime,
		@NotNull @DefaultValue List<String> publicPaths, @NotNull @DefaultValue List<String> provincePaths,
		@NotNull @DefaultValue List<String> consoleOrigins) {
}
