package org.netsecweek.platform.campaign;

import java.time.Clock;

import jakarta.validation.Validator;
import org.netsecweek.platform.config.PlatformConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Loads the campaign definitions at start-up; a broken one stops the service. */
@AutoConfiguration(after = PlatformConfiguration.class,
		afterName = "org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration")
@EnableConfigurationProperties(CampaignSettings.class)
public class CampaignConfiguration {

	@Bean
	Campaigns campaigns(CampaignSettings settings, Validator validator, Clock clock) {
		return new CampaignLoader(validator).load(settings, clock);
	}
}
