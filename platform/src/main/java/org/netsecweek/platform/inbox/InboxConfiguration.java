package org.netsecweek.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/** The inbox, for every service that consumes events. */
@AutoConfiguration(afterName = { "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
		"org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration" })
public class InboxConfiguration {

	@Bean
	Inbox inbox(DatabaseClient db, ReactiveTransactionManager transactions, MeterRegistry meters) {
		return new Inbox(db, TransactionalOperator.create(transactions), meters);
	}
}
