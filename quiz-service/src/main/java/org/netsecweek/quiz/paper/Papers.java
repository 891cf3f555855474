package org.netsecweek.quiz.paper;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.quiz.bank.Question;
import org.netsecweek.quiz.bank.QuestionBank;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Today's paper of a worker: drawn from the bank (on the theme day, from the theme's category only), the same on
 * every reload, and the moment it was first shown, from which answering time is measured.
 */
@Component
public class Papers {

	private final Campaigns campaigns;

	private final QuestionBank bank;

	private final DatabaseClient db;

	private final Clock clock;

	private final PaperSettings settings;

	Papers(Campaigns campaigns, QuestionBank bank, DatabaseClient db, Clock clock, PaperSettings settings) {
		this.campaigns = campaigns;
		this.bank = bank;
		this.db = db;
		this.clock = clock;
		this.settings = settings;
	}

	/** When a paper first seen at {@code issuedAt} stops being accepted. */
	public Instant expiresAt(Instant issuedAt) {
		return issuedAt.plus(settings.timeLimit());
	}

	/** Fails with {@link PaperExpired} when the time limit has passed. */
	public void checkNotExpired(Instant issuedAt) {
		if (clock.instant().isAfter(expiresAt(issuedAt))) {
			throw new PaperExpired(settings.timeLimit());
		}
	}

	/** The running campaign's current day, or a problem saying the campaign is not open. */
	public CampaignDay today() {
		CampaignDefinition campaign = campaigns.active();
		var day = campaign.dayOf(clock.instant());
		if (!campaign.isOpenOn(day)) {
			throw new CampaignNotOpen(campaign, day);
		}
		return new CampaignDay(campaign, day);
	}

	/** The questions of the worker's paper on that day, in paper order. */
	public List<Question> questions(CampaignDay day, UUID worker) {
		CampaignDefinition campaign = day.campaign();
		String category = campaign.isThemeDay(day.day()) ? campaign.themeDay().category() : null;
		return PaperDraw.questions(bank.questions(category), campaign.rules().questionsPerPaper(), campaign.id(),
				worker, day.day());
	}

	/** Records when the worker first saw the paper (later views keep the first time). */
	Mono<Instant> issue(CampaignDay day, UUID worker) {
		return db.sql("INSERT INTO paper_issue (campaign_id, worker_id, campaign_day, issued_at) "
				+ "VALUES (:campaign, :worker, :day, :now) ON CONFLICT DO NOTHING")
			.bind("campaign", day.campaignId())
			.bind("worker", worker)
			.bind("day", day.day())
			.bind("now", clock.instant())
			.then()
			.then(issuedAt(day, worker));
	}

	/** When the worker first saw the day's paper, or empty if they never did. */
	public Mono<Instant> issuedAt(CampaignDay day, UUID worker) {
		return db.sql("SELECT issued_at FROM paper_issue WHERE campaign_id = :campaign AND worker_id = :worker "
				+ "AND campaign_day = :day")
			.bind("campaign", day.campaignId())
			.bind("worker", worker)
			.bind("day", day.day())
			.map(row -> row.get("issued_at", Instant.class))
			.one();
	}
}
