package org.netsecweek.platform.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

class CampaignLoaderTests {

	private final CampaignLoader loader = new CampaignLoader(
			Validation.buildDefaultValidatorFactory().getValidator());

	private final CampaignDefinition hlj2022 = loader.read(new ClassPathResource("campaigns/hlj-2022.yml"));

	@Test
	void the2022CampaignMatchesTheNotice() {
		assertThat(hlj2022.startsOn()).isEqualTo(LocalDate.of(2022, 9, 5));
		assertThat(hlj2022.endsOn()).isEqualTo(LocalDate.of(2022, 9, 11));
		assertThat(hlj2022.isThemeDay(LocalDate.of(2022, 9, 11))).isTrue();
		assertThat(hlj2022.reportDeadlineInstant()).isEqualTo(Instant.parse("2022-09-12T02:00:00Z"));
		assertThat(hlj2022.rules().pointsPerDraw()).isEqualTo(10);
		assertThat(hlj2022.rules().drawsEarned(29)).isEqualTo(2);
		assertThat(hlj2022.unions()).hasSize(14);
		assertThat(hlj2022.union("harbin")).get().extracting(CampaignDefinition.Union::targetWorkers).isEqualTo(1400);
		assertThat(hlj2022.union("industry").orElseThrow().members()).hasSize(5);
	}

	@Test
	void campaignDaysAreInTheCampaignsTimeZone() {
		// 23:30 UTC on the 4th is 07:30 on the 5th in Harbin
		assertThat(hlj2022.dayOf(Instant.parse("2022-09-04T23:30:00Z"))).isEqualTo(LocalDate.of(2022, 9, 5));
		assertThat(hlj2022.isOpenOn(LocalDate.of(2022, 9, 4))).isFalse();
		assertThat(hlj2022.isOpenOn(LocalDate.of(2022, 9, 11))).isTrue();
	}

	@Test
	void theDemoCampaignOpensToday() {
		Clock clock = Clock.fixed(Instant.parse("2026-11-29T01:00:00Z"), ZoneOffset.UTC);
		Campaigns campaigns = loader.load(new CampaignSettings("demo", List.of("classpath*:campaigns/*.yml"),
				new CampaignSettings.Demo(true, "hlj-2022")), clock);

		CampaignDefinition demo = campaigns.active();
		assertThat(demo.id()).isEqualTo("demo");
		assertThat(demo.startsOn()).isEqualTo(LocalDate.of(2026, 11, 29));
		assertThat(demo.endsOn()).isEqualTo(LocalDate.of(2026, 12, 5));
		assertThat(demo.themeDay().date()).isEqualTo(LocalDate.of(2026, 12, 5));
		assertThat(demo.reportDeadline()).hasToString("2026-12-06T10:00");
		assertThat(campaigns.find("hlj-2022")).isPresent();
	}

	@Test
	void aBrokenDefinitionNamesTheFieldAndTheProblem() {
		assertThatThrownBy(() -> loader.read(yaml(valid().replace("pointsPerDraw: 10", "pointsPerDraw: 0"))))
			.isInstanceOf(InvalidCampaignDefinition.class)
			.hasMessageContaining("rules.pointsPerDraw")
			.hasMessageContaining("greater than 0");
		assertThatThrownBy(() -> loader.read(yaml(valid().replace("timeZone: Asia/Shanghai", "timeZone: Mars/Olympus"))))
			.isInstanceOf(InvalidCampaignDefinition.class)
			.hasMessageContaining("timeZone");
		assertThatThrownBy(() -> loader.read(yaml(valid().replace("pointsPerDraw: 10", "pointsPerDraw: 10\n  pointsPerDarw: 3"))))
			.isInstanceOf(InvalidCampaignDefinition.class)
			.hasMessageContaining("pointsPerDarw");
	}

	@Test
	void unionTargetsMustAddUpToTheTotalRow() {
		assertThatThrownBy(() -> loader.read(yaml(valid().replace("targetWorkers: 1400", "targetWorkers: 1410"))))
			.isInstanceOf(InvalidCampaignDefinition.class)
			.hasMessageContaining("totals.workers is 10000 but the unions' targets add up to 10010");
	}

	@Test
	void theThemeDayMustFallInsideTheWindow() {
		assertThatThrownBy(() -> loader.read(yaml(valid().replace("date: 2022-09-11", "date: 2022-09-13"))))
			.isInstanceOf(InvalidCampaignDefinition.class)
			.hasMessageContaining("themeDay.date 2022-09-13 is outside the campaign window");
	}

	@Test
	void anUnknownActiveCampaignStopsTheService() {
		assertThatThrownBy(() -> loader.load(new CampaignSettings("hlj-2099", List.of("classpath*:campaigns/*.yml"),
				new CampaignSettings.Demo(false, "hlj-2022")), Clock.systemUTC()))
			.isInstanceOf(InvalidCampaignDefinition.class)
			.hasMessageContaining("hlj-2099");
	}

	private static String valid() {
		try {
			return new ClassPathResource("campaigns/hlj-2022.yml").getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static ByteArrayResource yaml(String text) {
		return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8), "test definition");
	}
}
