package org.netsecweek.lottery;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LotteryApplication {

	/** The application with its own configuration file, {@code lottery-service.yml}; the launcher starts it so. */
	public static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(LotteryApplication.class).properties("spring.config.name=lottery-service");
	}

	public static void main(String[] args) {
		application().run(args);
	}
}
