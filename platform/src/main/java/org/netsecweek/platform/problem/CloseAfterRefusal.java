package org.netsecweek.platform.problem;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A request refused (4xx/5xx) while it still had a body on its way, the body possibly never read (a bad token, a
 * body too large, an unknown media type), gets {@code Connection: close}: the client opens a fresh connection for
 * its next request instead of reusing one whose unread bytes could be taken for the start of that request. Found by
 * the hostile-requests test, where such reuse left an occasional request unanswered.
 */
public class CloseAfterRefusal implements WebFilter, Ordered {

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (hasBody(request.getHeaders())) {
			exchange.getResponse().beforeCommit(() -> {
				HttpStatusCode status = exchange.getResponse().getStatusCode();
				if (status != null && status.isError()) {
					exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
				}
				return Mono.empty();
			});
		}
		return chain.filter(exchange);
	}

	private static boolean hasBody(HttpHeaders headers) {
		return headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
	}
}
