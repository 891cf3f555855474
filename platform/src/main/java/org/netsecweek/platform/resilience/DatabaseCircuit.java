package org.netsecweek.platform.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Every {@code /api/**} request passes the circuit breaker {@code database}. Only the database being unreachable or
 * timing out counts as a failure (see {@code resilience4j.circuitbreaker.instances.database} in the platform
 * defaults); a request refused for its content does not. While the breaker is open, requests are answered at once
 * with 503 and Retry-After; after the wait, a few trial requests find out whether PostgreSQL is back.
 */
public class DatabaseCircuit implements WebFilter, Ordered {

	/** The breaker's name, for its settings and its metrics ({@code resilience4j_circuitbreaker_state}). */
	public static final String NAME = "database";

	private final CircuitBreaker breaker;

	public DatabaseCircuit(CircuitBreaker breaker) {
		this.breaker = breaker;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/api/")) {
			return chain.filter(exchange);
		}
		return Guarded.by(breaker, chain.filter(exchange));
	}

	/** After security (so unauthenticated floods never count) and before the handlers. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}
}
