package org.netsecweek.quiz.system;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import org.netsecweek.platform.resilience.Guarded;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The submission path's bulkhead ({@code resilience4j.bulkhead.instances.submissions}): at most so many papers are
 * graded and stored at once per instance; one more is answered 503 {@code busy} with Retry-After at once, instead of
 * queueing for database connections that the rest of the API (papers, balances) needs too. The page retries.
 */
@Component
class SubmissionBulkhead implements WebFilter, Ordered {

	private final Bulkhead bulkhead;

	SubmissionBulkhead(BulkheadRegistry bulkheads) {
		this.bulkhead = bulkheads.bulkhead("submissions");
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 50;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getRequest().getMethod() == HttpMethod.POST
				&& exchange.getRequest().getPath().pathWithinApplication().value().equals("/api/attempts")) {
			return Guarded.by(bulkhead, chain.filter(exchange));
		}
		return chain.filter(exchange);
	}
}
