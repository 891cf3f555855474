package org.netsecweek.quiz.paper;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.quiz.bank.BankSync;
import org.netsecweek.quiz.bank.IssuedQuestions;
import org.netsecweek.quiz.bank.Question;
import org.netsecweek.quiz.bank.QuestionBank;
import org.netsecweek.quiz.worker.Worker;
import org.netsecweek.quiz.worker.WorkerNotRegistered;
import reactor.core.publisher.Mono;

import io.r2dbc.spi.Readable;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Today's paper of a worker: drawn from the bank (on the theme day, from the theme's category only) and pinned
 * when first shown, with the moment it was shown, from which answering time is measured. Every later view and the
 * grading read the pinned questions, so an import of the bank during the day never changes a paper already shown.
 */
@Component
public class Papers implements IssuedQuestions {

	private final Campaigns campaigns;

	private final QuestionBank bank;

	private final BankSync bankSync;

	private final DatabaseClient db;

	private final Clock clock;

	private final PaperSettings settings;

	Papers(Campaigns campaigns, QuestionBank bank, BankSync bankSync, DatabaseClient db, Clock clock,
			PaperSettings settings) {
		this.campaigns = campaigns;
		this.bank = bank;
		this.bankSync = bankSync;
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

	/** The questions the bank as it is now gives the worker on that day, in paper order. */
	public List<Question> questions(CampaignDay day, UUID worker) {
		CampaignDefinition campaign = day.campaign();
		String category = campaign.isThemeDay(day.day()) ? campaign.themeDay().category() : null;
		return PaperDraw.questions(bank.questions(category), campaign.rules().questionsPerPaper(), campaign.id(),
				worker, day.day());
	}

	/** The worker's paper of the day, pinned now if this is the first time it is shown. */
	Mono<IssuedPaper> issue(CampaignDay day, UUID worker) {
		return issued(day, worker).switchIfEmpty(Mono.defer(() -> bankSync.whileUnchanged(() -> pin(day, worker))
			.then(issued(day, worker))));
	}

	/** The worker's paper of the day as first shown, or empty if it never was. */
	public Mono<IssuedPaper> issued(CampaignDay day, UUID worker) {
		return db.sql("SELECT issued_at, question_ids, bank_version FROM paper_issue WHERE campaign_id = :campaign "
				+ "AND worker_id = :worker AND campaign_day = :day")
			.bind("campaign", day.campaignId())
			.bind("worker", worker)
			.bind("day", day.day())
			.map(Papers::pin)
			.one()
			.flatMap(pin -> paper(day, worker, pin));
	}

	/**
	 * The registered worker and their paper of the day as first shown (none if it never was), in one round trip: the
	 * submission's hot path. A worker who is not registered gets a 403 problem asking them to register first.
	 */
	public Mono<Sitting> sitting(CampaignDay day, UUID worker) {
		return db.sql("SELECT w.union_id, w.org_id, p.issued_at, p.question_ids, p.bank_version FROM worker w "
				+ "LEFT JOIN paper_issue p ON p.campaign_id = :campaign AND p.worker_id = w.id "
				+ "AND p.campaign_day = :day WHERE w.id = :worker AND w.registered_at IS NOT NULL")
			.bind("campaign", day.campaignId())
			.bind("worker", worker)
			.bind("day", day.day())
			.map(row -> new Found(new Worker(worker, row.get("union_id", String.class), row.get("org_id", String.class)),
					row.get("issued_at", Instant.class) == null ? null : pin(row)))
			.one()
			.switchIfEmpty(Mono.error(WorkerNotRegistered::new))
			.flatMap(found -> found.pin() == null ? Mono.just(new Sitting(found.worker(), Optional.empty()))
					: paper(day, worker, found.pin()).map(paper -> new Sitting(found.worker(), Optional.of(paper))));
	}

	private static Pin pin(Readable row) {
		return new Pin(row.get("issued_at", Instant.class), row.get("question_ids", String[].class),
				row.get("bank_version", Long.class));
	}

	private Mono<IssuedPaper> paper(CampaignDay day, UUID worker, Pin pin) {
		return pin.questionIds() == null
				// shown before papers were pinned: drawn again, as then
				? Mono.just(new IssuedPaper(pin.issuedAt(), questions(day, worker)))
				: bankSync.atLeast(pin.bankVersion())
					.then(Mono.fromCallable(() -> new IssuedPaper(pin.issuedAt(), pinned(pin.questionIds()))));
	}

	@Override
	public Mono<Set<String>> shownToday() {
		CampaignDefinition campaign = campaigns.active();
		return db.sql("SELECT DISTINCT unnest(question_ids) AS id FROM paper_issue WHERE campaign_id = :campaign "
				+ "AND campaign_day = :day")
			.bind("campaign", campaign.id())
			.bind("day", campaign.dayOf(clock.instant()))
			.map(row -> row.get("id", String.class))
			.all()
			.collect(Collectors.toSet());
	}

	/** Records the paper the bank gives the worker now; runs while the bank cannot change. */
	private Mono<Void> pin(CampaignDay day, UUID worker) {
		return db.sql("INSERT INTO paper_issue (campaign_id, worker_id, campaign_day, issued_at, question_ids, "
				+ "bank_version) VALUES (:campaign, :worker, :day, :now, :questions, :version) ON CONFLICT DO NOTHING")
			.bind("campaign", day.campaignId())
			.bind("worker", worker)
			.bind("day", day.day())
			.bind("now", clock.instant())
			.bind("questions", questions(day, worker).stream().map(Question::id).toArray(String[]::new))
			.bind("version", bank.version())
			.then();
	}

	private List<Question> pinned(String[] ids) {
		// removed questions are retired, never deleted, so the bank still has every pinned one
		return Arrays.stream(ids)
			.map(id -> bank.find(id)
				.orElseThrow(() -> new IllegalStateException("Pinned question " + id + " is not in the bank")))
			.toList();
	}

	/**
	 * A paper as first shown.
	 *
	 * @param issuedAt when the worker first saw it
	 * @param questions its questions in paper order
	 */
	public record IssuedPaper(Instant issuedAt, List<Question> questions) {
	}

	/**
	 * A registered worker at today's paper.
	 *
	 * @param paper the paper as first shown, or empty if it never was
	 */
	public record Sitting(Worker worker, Optional<IssuedPaper> paper) {
	}

	private record Found(Worker worker, Pin pin) {
	}

	private record Pin(Instant issuedAt, String[] questionIds, Long bankVersion) {
	}
}
