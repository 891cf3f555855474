package org.netsecweek.quiz.campaign;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.campaign.Campaigns;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the page shows before sign-in: the running campaign, its rules and its unions. Public. */
@RestController
@Tag(name = "campaign", description = "The running campaign")
class CampaignController {

	private final Campaigns campaigns;

	private final Clock clock;

	CampaignController(Campaigns campaigns, Clock clock) {
		this.campaigns = campaigns;
		this.clock = clock;
	}

	@GetMapping("/api/campaign")
	@Operation(summary = "The running campaign: window, theme day, rules, unions, today's lesson and the brochure")
	Campaign running() {
		CampaignDefinition c = campaigns.active();
		LocalDate today = c.dayOf(clock.instant());
		return new Campaign(c.id(), c.name(), c.theme(), c.organiser(), c.startsOn(), c.endsOn(), today,
				c.isOpenOn(today), c.themeDay() == null ? null : c.themeDay().date(),
				c.themeDay() == null ? null : c.themeDay().name(), c.rules().attemptsPerDay(),
				c.rules().pointsPerCorrectAnswer(), c.rules().pointsPerDraw(), c.rules().questionsPerPaper(),
				c.unions().stream().map(u -> new Union(u.id(), u.name())).toList(), c.lessonOn(today).orElse(null),
				c.brochure());
	}

	/**
	 * @param lesson today's lesson, or {@code null} on a day without one
	 * @param brochure the electronic brochure, or {@code null}
	 */
	record Campaign(String id, String name, String theme, String organiser, LocalDate startsOn, LocalDate endsOn,
			LocalDate today, boolean open, LocalDate themeDay, String themeDayName, int attemptsPerDay,
			int pointsPerCorrectAnswer, int pointsPerDraw, int questionsPerPaper, List<Union> unions,
			CampaignDefinition.Lesson lesson, CampaignDefinition.Brochure brochure) {
	}

	record Union(String id, String name) {
	}
}
