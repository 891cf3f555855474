package org.netsecweek.quiz.system;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Spends one request of the caller's budget per request: a signed-in caller's by the token's subject (the worker
 * id), an anonymous one's by client address. Over budget: 429 {@code too-many-requests} with {@code Retry-After}.
 * <p>
 * Ordered right after Spring Security's filter chain, which calls the filters after it from inside its own chain:
 * by then the token is verified and the caller is in the reactive security context. A verified subject cannot be
 * forged to spend another worker's budget, and requests that security turns away (no or bad token) never reach
 * here.
 */
@Component
class CallerRateLimit implements WebFilter, Ordered {

	/**
	 * The order of Spring Security's {@code WebFilterChainProxy}: {@code WebFluxSecurityConfiguration}'s
	 * {@code WEB_FILTER_CHAIN_FILTER_ORDER}, which is not public.
	 */
	static final int SECURITY_ORDER = -100;

	/** Just inside Spring Security's filter chain. */
	static final int ORDER = SECURITY_ORDER + 1;

	private final Budgets workers;

	private final Budgets addresses;

	private final boolean behindTrustedProxy;

	private final List<PathPattern> exempt;

	private final Counter workerRefusals;

	private final Counter anonymousRefusals;

	CallerRateLimit(LimitSettings settings, MeterRegistry meters) {
		this.workers = new Budgets(settings.workerRequests(), settings.period(), settings.maxTrackedKeys());
		this.addresses = new Budgets(settings.anonymousRequests(), settings.period(), settings.maxTrackedKeys());
		this.behindTrustedProxy = settings.behindTrustedProxy();
		this.exempt = settings.exemptPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
		this.workerRefusals = refusals(meters, "worker", workers);
		this.anonymousRefusals = refusals(meters, "anonymous", addresses);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
		if (exempt.stream().anyMatch(pattern -> pattern.matches(path))) {
			return chain.filter(exchange);
		}
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.filter(Authentication::isAuthenticated)
			.mapNotNull(authentication -> authentication.getPrincipal() instanceof Jwt jwt ? jwt.getSubject() : null)
			.map(subject -> spend(workers, subject, workerRefusals))
			.switchIfEmpty(Mono.fromSupplier(() -> spend(addresses,
					ClientAddress.of(exchange.getRequest(), behindTrustedProxy), anonymousRefusals)))
			.flatMap(admission -> admission.admitted() ? chain.filter(exchange)
					: Mono.error(new TooManyRequests(admission.retryAfter().toSeconds())));
	}

	private static Budgets.Admission spend(Budgets budgets, String key, Counter refusals) {
		Budgets.Admission admission = budgets.spend(key);
		if (!admission.admitted()) {
			refusals.increment();
		}
		return admission;
	}

	private static Counter refusals(MeterRegistry meters, String kind, Budgets budgets) {
		Gauge.builder("quiz.rate.limit.keys", budgets, Budgets::size)
			.tag("kind", kind)
			.description("Callers with a request budget in memory")
			.register(meters);
		return Counter.builder("quiz.rate.limited")
			.tag("kind", kind)
			.description("Requests refused because the caller's budget was spent")
			.register(meters);
	}
}
