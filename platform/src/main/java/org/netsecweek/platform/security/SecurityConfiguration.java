package org.netsecweek.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.netsecweek.platform.config.PlatformConfiguration;
import org.netsecweek.platform.problem.Problem;
import org.netsecweek.platform.problem.ProblemHandler;
import org.netsecweek.platform.problem.ProblemWriter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Every service verifies the suite's tokens. Open to all: health, metrics, the API description and the paths a
 * service lists in {@code netsec.security.public-paths}. {@code /api/admin/**} needs an admin role; the rest of
 * {@code /api/**} needs any valid token. Refusals are problem documents like every other error.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
		after = PlatformConfiguration.class,
		afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecuritySettings.class)
public class SecurityConfiguration {

	@Bean
	SigningKeys signingKeys(SecuritySettings settings) {
		return SigningKeys.load(settings);
	}

	@Bean
	Tokens tokens(SigningKeys keys, SecuritySettings settings, Clock clock) {
		return new Tokens(keys, settings, clock);
	}

	@Bean
	ReactiveJwtDecoder jwtDecoder(SigningKeys keys, SecuritySettings settings, Clock clock) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(keys.publicKey()).build();
		// expiry is judged by the suite's clock, the one tokens were issued by
		JwtTimestampValidator expiry = new JwtTimestampValidator();
		expiry.setClock(clock);
		OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(expiry,
				new JwtIssuerValidator(settings.issuer()));
		decoder.setJwtValidator(validator);
		return new VerifiedTokens(decoder, validator);
	}

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, SecuritySettings settings,
			ProblemWriter problems) {
		String[] open = settings.publicPaths().toArray(String[]::new);
		ServerWebExchangeMatcher province = provinceOnly(settings);
		ServerAccessDeniedHandler denied = (exchange, ex) -> province.matches(exchange)
			.map(match -> match.isMatch() ? PROVINCE_ONLY
					: exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/api/admin/")
							? ProblemHandler.byStatus(HttpStatus.FORBIDDEN) : WORKERS_ONLY)
			.flatMap(problem -> problems.write(exchange, problem));
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.cors(cors -> cors.configurationSource(consoleOrigins(settings)))
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.authorizeExchange(exchanges -> {
				exchanges
					.pathMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus",
							"/v3/api-docs/**", "/v3/api-docs")
					.permitAll()
					.pathMatchers(open.length == 0 ? new String[] { "/__none__" } : open)
					.permitAll();
				exchanges.matchers(province).hasRole(Role.PROVINCE_ADMIN.name());
				// admins use the admin API, workers the rest: a caller of the wrong kind is refused before the
				// request is read, whatever its body
				exchanges.pathMatchers("/api/admin/**")
					.hasAnyRole(Role.UNION_ADMIN.name(), Role.PROVINCE_ADMIN.name())
					.pathMatchers("/api/**")
					.hasRole(Role.WORKER.name())
					.anyExchange()
					.authenticated();
			})
			.oauth2ResourceServer(server -> server
				.jwt(jwt -> jwt.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(roles())))
				.authenticationEntryPoint((exchange, ex) -> problems.write(exchange,
						ProblemHandler.byStatus(HttpStatus.UNAUTHORIZED)))
				.accessDeniedHandler(denied))
			.exceptionHandling(handling -> handling
				.authenticationEntryPoint((exchange, ex) -> problems.write(exchange,
						ProblemHandler.byStatus(HttpStatus.UNAUTHORIZED)))
				.accessDeniedHandler(denied))
			.build();
	}

	private static final Problem PROVINCE_ONLY = new Problem(HttpStatus.FORBIDDEN, "province-admins-only",
			"仅限省总工会管理员", "此功能仅限省总工会管理员使用。");

	private static final Problem WORKERS_ONLY = new Problem(HttpStatus.FORBIDDEN, "workers-only", "仅限职工使用",
			"此功能仅供参加答题的职工使用。");

	/** {@code netsec.security.province-paths}: each {@code "[METHOD ]pattern"}; none matches nothing. */
	private static ServerWebExchangeMatcher provinceOnly(SecuritySettings settings) {
		List<ServerWebExchangeMatcher> matchers = settings.provincePaths().stream().map(rule -> {
			String[] parts = rule.strip().split("\\s+", 2);
			return parts.length == 2 ? ServerWebExchangeMatchers.pathMatchers(HttpMethod.valueOf(parts[0]), parts[1])
					: ServerWebExchangeMatchers.pathMatchers(parts[0]);
		}).toList();
		return matchers.isEmpty() ? exchange -> ServerWebExchangeMatcher.MatchResult.notMatch()
				: new OrServerWebExchangeMatcher(matchers);
	}

	/**
	 * The staff console, served by reporting-service, calls every service's admin API from its own origin (ADR 008).
	 * Tokens travel in the Authorization header, never in cookies, so no credentials are allowed across origins.
	 */
	private static CorsConfigurationSource consoleOrigins(SecuritySettings settings) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!settings.consoleOrigins().isEmpty()) {
			CorsConfiguration console = new CorsConfiguration();
			console.setAllowedOrigins(settings.consoleOrigins());
			console.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
			console.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Idempotency-Key"));
			console.setExposedHeaders(List.of("Content-Disposition", "Content-Length", "Retry-After",
					"Idempotent-Replayed", "X-Report-SHA256"));
			console.setAllowCredentials(false);
			console.setMaxAge(Duration.ofHours(1));
			source.registerCorsConfiguration("/api/**", console);
		}
		return source;
	}

	private static JwtAuthenticationConverter roles() {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(jwt -> {
			String role = jwt.getClaimAsString(Tokens.ROLE_CLAIM);
			List<GrantedAuthority> authorities = role == null ? List.of()
					: List.of(new SimpleGrantedAuthority("ROLE_" + role));
			return authorities;
		});
		return converter;
	}

}
