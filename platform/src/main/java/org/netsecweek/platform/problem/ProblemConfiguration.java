package org.netsecweek.platform.problem;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The suite's single error shape, for every service. */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
public class ProblemConfiguration {

	@Bean
	ProblemWriter problemWriter(JsonMapper json) {
		return new ProblemWriter(json);
	}

	@Bean
	CloseAfterRefusal closeAfterRefusal() {
		return new CloseAfterRefusal();
	}

	@Bean
	ProblemHandler problemHandler(ProblemWriter writer) {
		return new ProblemHandler(writer);
	}
}
