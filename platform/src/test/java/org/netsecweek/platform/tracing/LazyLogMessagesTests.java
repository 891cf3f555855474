package org.netsecweek.platform.tracing;

import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.core.log.LogMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's log calls (Commons Logging) render a message only at an enabled level, and still reach Logback under
 * their logger's name (the platform's {@code META-INF/services/org.apache.commons.logging.LogFactory}).
 */
class LazyLogMessagesTests {

	private static final String NAME = "org.netsecweek.platform.tracing.LazyLogMessagesTests.subject";

	private final Logger logback = (Logger) LoggerFactory.getLogger(NAME);

	private final ListAppender<ILoggingEvent> written = new ListAppender<>();

	private final AtomicInteger rendered = new AtomicInteger();

	private final Object message = new Object() {
		@Override
		public String toString() {
			LazyLogMessagesTests.this.rendered.incrementAndGet();
			return "rendered";
		}
	};

	@BeforeEach
	void listen() {
		this.logback.setLevel(Level.INFO);
		this.written.start();
		this.logback.addAppender(this.written);
	}

	@AfterEach
	void stopListening() {
		this.logback.detachAppender(this.written);
		this.logback.setLevel(null);
	}

	@Test
	void aMessageBelowTheLevelIsNeverRendered() {
		Log log = LogFactory.getLog(NAME);

		log.debug(LogMessage.format("Trying to match using %s", this.message));
		log.trace(this.message);
		log.debug(this.message, new IllegalStateException("not logged"));

		assertThat(this.rendered).hasValue(0);
		assertThat(this.written.list).isEmpty();
	}

	@Test
	void aMessageAtTheLevelReachesLogbackUnderItsLoggersName() {
		LogFactory.getLog(NAME).info(LogMessage.format("Matched %s", this.message));

		assertThat(this.rendered).hasValue(1);
		assertThat(this.written.list).singleElement().satisfies(event -> {
			assertThat(event.getLoggerName()).isEqualTo(NAME);
			assertThat(event.getLevel()).isEqualTo(Level.INFO);
			assertThat(event.getFormattedMessage()).isEqualTo("Matched rendered");
		});
	}

}
