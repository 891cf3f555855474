package org.netsecweek.platform.outbox;

import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/** The outbox and its relay, for every service with a database. */
@AutoConfiguration(afterName = { "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
		"org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@EnableConfigurationProperties(OutboxSettings.class)
public class OutboxConfiguration {

	@Bean
	NewRows outboxNewRows() {
		return new NewRows();
	}

	@Bean
	Outbox outbox(DatabaseClient db, JsonMapper json, NewRows newRows) {
		return new Outbox(db, json, newRows);
	}

	/** Services that publish nothing (reporting-service) switch it off with {@code netsec.events.relay=false}. */
	@Bean
	@ConditionalOnProperty(prefix = "netsec.events", name = "relay", havingValue = "true", matchIfMissing = true)
	OutboxRelay outboxRelay(DatabaseClient db, ReactiveTransactionManager transactions,
			@Value("${netsec.kafka.bootstrap-servers}") String bootstrapServers, OutboxSettings settings,
			MeterRegistry meters, CircuitBreakerRegistry breakers, NewRows newRows) {
		var producer = new DefaultKafkaProducerFactory<String, String>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
				ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
				ProducerConfig.LINGER_MS_CONFIG, 2,
				ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
				ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
				ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
				ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay"),
				new StringSerializer(), new StringSerializer());
		return new OutboxRelay(db, TransactionalOperator.create(transactions), new KafkaTemplate<>(producer), settings,
				meters, breakers.circuitBreaker("kafka"), newRows);
	}
}
