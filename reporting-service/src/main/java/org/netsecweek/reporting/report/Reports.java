package org.netsecweek.reporting.report;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.problem.DomainProblem;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** The report of a campaign: live from the counters, or the snapshot frozen at the deadline. */
@Component
public class Reports {

	private final LiveFigures live;

	private final FrozenFigures frozen;

	private final DatabaseClient db;

	private final Clock clock;

	private final ReportSettings settings;

	Reports(LiveFigures live, FrozenFigures frozen, DatabaseClient db, Clock clock, ReportSettings settings) {
		this.live = live;
		this.frozen = frozen;
		this.db = db;
		this.clock = clock;
		this.settings = settings;
	}

	/** The live report: every union, counted from the counters, including events that arrive late. */
	public Mono<Report> live(CampaignDefinition campaign) {
		return live.of(campaign.id()).map(figures -> ReportTable.of(campaign, figures, null));
	}

	/** The snapshot if the campaign's report is frozen, otherwise the live report. */
	public Mono<Report> current(CampaignDefinition campaign) {
		return snapshot(campaign.id()).map(snapshot -> CanonicalJson.read(snapshot.content()))
			.switchIfEmpty(Mono.defer(() -> live(campaign)));
	}

	public Mono<Snapshot> snapshot(String campaignId) {
		return db.sql("SELECT campaign_id, as_of, content, sha256, generated_at, generated_by FROM report_snapshot "
				+ "WHERE campaign_id = :campaign")
			.bind("campaign", campaignId)
			.map(row -> new Snapshot(row.get("campaign_id", String.class), row.get("as_of", Instant.class),
					row.get("content", String.class), row.get("sha256", String.class),
					row.get("generated_at", Instant.class), row.get("generated_by", String.class)))
			.one();
	}

	/**
	 * Freezes the report once the deadline has passed: counts the facts that occurred before the deadline and
	 * arrived by now (less {@link ReportSettings#settleTime()}), and stores the canonical JSON with its hash. A second
	 * call finds the first snapshot.
	 */
	public Mono<Snapshot> freeze(CampaignDefinition campaign, String by) {
		Instant asOf = clock.instant().truncatedTo(ChronoUnit.MICROS).minus(settings.settleTime());
		if (!isDue(campaign)) {
			return Mono.error(new DomainProblem(HttpStatus.CONFLICT, "deadline-not-reached", "报送截止时间未到",
					"报表在截止时间（" + ReportTable.of(campaign, new Figures(), null).deadline() + "）过后 "
							+ settings.settleTime().toMinutes() + " 分钟才能封存。"));
		}
		return snapshot(campaign.id()).switchIfEmpty(Mono.defer(() -> generate(campaign, asOf)
			.flatMap(report -> store(campaign.id(), asOf, CanonicalJson.write(report), by))
			.then(snapshot(campaign.id()))));
	}

	/** Counts the stored snapshot again from the facts, with its cut-off: the same facts give the same bytes. */
	public Mono<Regenerated> regenerate(CampaignDefinition campaign) {
		return snapshot(campaign.id())
			.switchIfEmpty(Mono.error(ReportNotFrozen::new))
			.flatMap(snapshot -> generate(campaign, snapshot.asOf()).map(CanonicalJson::write)
				.map(content -> new Regenerated(snapshot, content, CanonicalJson.sha256(content))));
	}

	private Mono<Report> generate(CampaignDefinition campaign, Instant asOf) {
		return frozen.of(campaign.id(), campaign.reportDeadlineInstant(), asOf)
			.map(figures -> ReportTable.of(campaign, figures, asOf));
	}

	private Mono<Long> store(String campaignId, Instant asOf, String content, String by) {
		return db.sql("INSERT INTO report_snapshot (campaign_id, as_of, content, sha256, generated_by) "
				+ "VALUES (:campaign, :asOf, :content, :sha, :by) ON CONFLICT DO NOTHING")
			.bind("campaign", campaignId)
			.bind("asOf", asOf)
			.bind("content", content)
			.bind("sha", CanonicalJson.sha256(content))
			.bind("by", by)
			.fetch()
			.rowsUpdated();
	}

	/**
	 * Whether the report can be frozen: the deadline passed at least {@link ReportSettings#settleTime()} ago, so the
	 * snapshot's cut-off is after the deadline and every change made before the deadline has committed.
	 */
	boolean isDue(CampaignDefinition campaign) {
		return !clock.instant().minus(settings.settleTime()).isBefore(campaign.reportDeadlineInstant());
	}

	/** Whether the campaign's report deadline has passed (offline activities are frozen from then on). */
	public boolean isPastDeadline(CampaignDefinition campaign) {
		return !clock.instant().isBefore(campaign.reportDeadlineInstant());
	}

	/**
	 * A snapshot counted again.
	 *
	 * @param content the canonical JSON counted now
	 */
	public record Regenerated(Snapshot stored, String content, String sha256) {

		public boolean identical() {
			return stored.content().equals(content) && stored.sha256().equals(sha256);
		}
	}

}
