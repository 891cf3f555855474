package org.netsecweek.platform.campaign;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which campaign definitions to load and which one is running.
 *
 * @param active the id of the campaign the quiz is running now
 * @param locations resource patterns of the definition files
 * @param demo a copy of a real campaign moved to start today, so a newcomer can play at once
 */
@Validated
@ConfigurationProperties("netsec.campaign")
public record CampaignSettings(@NotBlank @DefaultValue("demo") String active,
		@NotEmpty @DefaultValue("classpath*:campaigns/*.yml") List<String> locations, @DefaultValue Demo demo) {

	/**
	 * @param enabled whether to add the demo campaign (on by default for local runs; production sets it off)
	 * @param basedOn the campaign it copies
	 */
	public record Demo(@DefaultValue("true") boolean enabled, @DefaultValue("hlj-2022") String basedOn) {
	}
}
