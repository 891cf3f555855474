package org.netsecweek.quiz.system;

import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses a JSON body larger than {@code netsec.quiz.limits.max-json-body} with 413 {@code payload-too-large}: at once
 * when {@code Content-Length} says so, before the token is even verified; otherwise (a chunked body) as soon as that
 * many bytes have been read, well within Spring's codec buffer limit. Other bodies (the admins' CSV import) stay
 * under Spring's own limit, {@code spring.codec.max-in-memory-size}, which also answers 413.
 */
@Component
class JsonBodyLimit implements WebFilter, Ordered {

	/** Just before Spring Security's filter chain: reading a token is not worth it for a body refused anyway. */
	static final int ORDER = CallerRateLimit.SECURITY_ORDER - 1;

	private final DataSize max;

	JsonBodyLimit(LimitSettings settings) {
		this.max = settings.maxJsonBody();
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (!isJson(request.getHeaders().getContentType())) {
			return chain.filter(exchange);
		}
		if (request.getHeaders().getContentLength() > max.toBytes()) {
			return Mono.error(new PayloadTooLarge(max));
		}
		return chain.filter(exchange.mutate().request(new Bounded(request, max)).build());
	}

	private static boolean isJson(MediaType type) {
		return type != null && (MediaType.APPLICATION_JSON.isCompatibleWith(type)
				|| (type.getSubtypeSuffix() != null && "json".equals(type.getSubtypeSuffix())));
	}

	/**
	 * A request whose body fails with {@link PayloadTooLarge} once more than {@code max} bytes have come. Decoders
	 * pass that error on unchanged, so the caller gets this 413, never a 400 for a half-read body; and nothing else
	 * (a too large answer from WeChat, say) is mistaken for the caller's fault.
	 */
	private static final class Bounded extends ServerHttpRequestDecorator {

		private final DataSize max;

		Bounded(ServerHttpRequest delegate, DataSize max) {
			super(delegate);
			this.max = max;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			return Flux.defer(() -> {
				AtomicLong read = new AtomicLong();
				return super.getBody().handle((buffer, sink) -> {
					if (read.addAndGet(buffer.readableByteCount()) > max.toBytes()) {
						DataBufferUtils.release(buffer);
						sink.error(new PayloadTooLarge(max));
					}
					else {
						sink.next(buffer);
					}
				});
			});
		}
	}
}
