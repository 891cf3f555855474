package org.netsecweek.reporting;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ReportingApplication {

	/** The application with its own configuration file, {@code reporting-service.yml}; the launcher starts it so. */
	public static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(ReportingApplication.class)
			.properties("spring.config.name=reporting-service");
	}

	public static void main(String[] args) {
		application().run(args);
	}
}
