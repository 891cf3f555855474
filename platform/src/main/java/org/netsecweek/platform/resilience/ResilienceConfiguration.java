package org.netsecweek.platform.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** The database circuit breaker for every service's API (resilience4j's registry, so its state is a metric). */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class ResilienceConfiguration {

	@Bean
	DatabaseCircuit databaseCircuit(CircuitBreakerRegistry breakers) {
		return new DatabaseCircuit(breakers.circuitBreaker(DatabaseCircuit.NAME));
	}
}
