package org.netsecweek.platform.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Which failures make a delivery wait for the database (the fault suite's PostgreSQL outage) and which send it on to
 * the binder's retries and the dead letters (its poison message): the driver reports both as resource failures.
 */
class DatabaseOutageTests {

	@Test
	void aRefusedOrLostConnectionOrAShutdownIsTheDatabaseBeingAway() {
		assertThat(DatabaseOutage.databaseUnavailable(new CannotCreateTransactionException("Could not open R2DBC Connection",
				new R2dbcNonTransientResourceException("Cannot connect", "08003", new ConnectException("refused")))))
			.isTrue();
		assertThat(DatabaseOutage.databaseUnavailable(new DataAccessResourceFailureException("execute",
				new R2dbcNonTransientResourceException("terminating connection due to administrator command", "57P01"))))
			.isTrue();
		assertThat(DatabaseOutage.databaseUnavailable(new R2dbcNonTransientResourceException("Connection validation failed")))
			.isTrue();
	}

	@Test
	void anErrorTheServerRaisesAboutTheStatementIsNot() {
		assertThat(DatabaseOutage.databaseUnavailable(new DataAccessResourceFailureException("execute",
				new R2dbcNonTransientResourceException("poisoned worker", "P0001"))))
			.isFalse();
		assertThat(DatabaseOutage.databaseUnavailable(new IllegalArgumentException("unknown campaign"))).isFalse();
	}
}
