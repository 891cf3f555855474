package org.netsecweek.scoring;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@EnableScheduling
@SpringBootApplication
@ConfigurationPropertiesScan
public class ScoringApplication {

	/** The application with its own configuration file, {@code scoring-service.yml}; the launcher starts it so. */
	public static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(ScoringApplication.class).properties("spring.config.name=scoring-service");
	}

	public static void main(String[] args) {
		application().run(args);
	}
}
