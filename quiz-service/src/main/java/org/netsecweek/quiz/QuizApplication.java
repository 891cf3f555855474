package org.netsecweek.quiz;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@EnableScheduling
@SpringBootApplication
@ConfigurationPropertiesScan
public class QuizApplication {

	/** The application with its own configuration file, {@code quiz-service.yml}; the launcher starts it so. */
	public static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(QuizApplication.class).properties("spring.config.name=quiz-service");
	}

	public static void main(String[] args) {
		application().run(args);
	}
}
