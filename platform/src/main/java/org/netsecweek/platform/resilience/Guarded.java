package org.netsecweek.platform.resilience;

import java.util.concurrent.TimeUnit;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/** Runs a reactive call through a resilience4j circuit breaker or bulkhead (the core API; no reactor module). */
public final class Guarded {

	private Guarded() {
	}

	/** The call, unless the breaker is open (then {@link CallNotPermittedException}); its outcome is recorded. */
	public static <T> Mono<T> by(CircuitBreaker breaker, Mono<T> call) {
		return Mono.defer(() -> {
			if (!breaker.tryAcquirePermission()) {
				return Mono.error(CallNotPermittedException.createCallNotPermittedException(breaker));
			}
			long start = System.nanoTime();
			return call.doOnSuccess(result -> breaker.onResult(System.nanoTime() - start, TimeUnit.NANOSECONDS, result))
				.doOnError(error -> breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, error))
				.doOnCancel(breaker::releasePermission);
		});
	}

	/** The call, unless the bulkhead is full (then {@link BulkheadFullException}). */
	public static <T> Mono<T> by(Bulkhead bulkhead, Mono<T> call) {
		return Mono.defer(() -> {
			if (!bulkhead.tryAcquirePermission()) {
				return Mono.error(BulkheadFullException.createBulkheadFullException(bulkhead));
			}
			return call.doFinally((SignalType signal) -> bulkhead.onComplete());
		});
	}
}
