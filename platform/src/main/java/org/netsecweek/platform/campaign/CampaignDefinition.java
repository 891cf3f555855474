package org.netsecweek.platform.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * One campaign week, as its definition file states it.
 *
 * @param id short stable id, carried by every event
 * @param timeZone the zone the campaign's days and deadline are in
 * @param startsOn first campaign day (inclusive)
 * @param endsOn last campaign day (inclusive)
 * @param themeDay the day whose quiz is about one category, or {@code null}
 * @param reportDeadline local date-time in {@link #timeZone} by which every union reports
 * @param totals the allocation table's total row, checked against the unions
 * @param lessons the daily lessons (at most one a day), shown to workers on their day
 * @param brochure the electronic brochure workers can read and share, or {@code null}
 * @param prizes the prize pool the lottery stocks for this campaign, or {@code null} for none (every draw then lands
 * on no prize until an admin sets a pool)
 * @param review when scoring holds an attempt for review instead of booking it; defaults when absent
 * @param privacy how long personal data is kept; defaults when absent
 */
public record CampaignDefinition(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}") String id,
		@NotBlank String name, String organiser, @NotBlank String theme, @NotNull ZoneId timeZone,
		@NotNull LocalDate startsOn, @NotNull LocalDate endsOn, @Valid ThemeDay themeDay,
		@NotNull LocalDateTime reportDeadline, @NotNull @Valid Rules rules, @NotEmpty List<@NotNull @Valid Union> unions,
		@Valid Totals totals, List<@NotNull @Valid Lesson> lessons, @Valid Brochure brochure, @Valid Prizes prizes,
		@Valid Review review, @Valid Privacy privacy) {

	public CampaignDefinition {
		lessons = lessons == null ? List.of() : List.copyOf(lessons);
		review = review == null ? Review.DEFAULTS : review;
		privacy = privacy == null ? Privacy.DEFAULTS : privacy;
	}

	/** The lesson of a campaign day, if there is one. */
	public Optional<Lesson> lessonOn(LocalDate day) {
		return lessons.stream().filter(lesson -> lesson.date().equals(day)).findFirst();
	}

	/** The campaign day an instant falls on, in the campaign's time zone. */
	public LocalDate dayOf(Instant instant) {
		return instant.atZone(timeZone).toLocalDate();
	}

	public boolean isOpenOn(LocalDate day) {
		return !day.isBefore(startsOn) && !day.isAfter(endsOn);
	}

	public boolean isThemeDay(LocalDate day) {
		return themeDay != null && themeDay.date().equals(day);
	}

	public Instant reportDeadlineInstant() {
		return reportDeadline.atZone(timeZone).toInstant();
	}

	public Optional<Union> union(String unionId) {
		return unions.stream().filter(union -> union.id().equals(unionId)).findFirst();
	}

	/** The same campaign moved so that it starts on {@code start}, under a new id and name. */
	public CampaignDefinition movedTo(LocalDate start, String newId, String newName) {
		long days = ChronoUnit.DAYS.between(startsOn, start);
		ThemeDay movedThemeDay = themeDay == null ? null
				: new ThemeDay(themeDay.date().plusDays(days), themeDay.name(), themeDay.category());
		List<Lesson> movedLessons = lessons.stream()
			.map(l -> new Lesson(l.date().plusDays(days), l.title(), l.summary(), l.videoUrl()))
			.toList();
		return new CampaignDefinition(newId, newName, organiser, theme, timeZone, startsOn.plusDays(days),
				endsOn.plusDays(days), movedThemeDay, reportDeadline.plusDays(days), rules, unions, totals, movedLessons,
				brochure, prizes, review, privacy);
	}

	/**
	 * The theme day.
	 *
	 * @param category the question category every paper of that day is drawn from
	 */
	public record ThemeDay(@NotNull LocalDate date, @NotBlank String name, @NotBlank String category) {
	}

	/**
	 * The quiz's rules.
	 *
	 * @param attemptsPerDay attempts a worker may make per campaign day
	 * @param pointsPerCorrectAnswer points booked per correct answer
	 * @param pointsPerDraw points that earn one prize draw
	 * @param questionsPerPaper questions on each daily paper
	 */
	public record Rules(@Positive int attemptsPerDay, @Positive int pointsPerCorrectAnswer, @Positive int pointsPerDraw,
			@Positive int questionsPerPaper) {

		/** Draws earned by a total, rounded down. */
		public int drawsEarned(int totalPoints) {
			return totalPoints / pointsPerDraw;
		}
	}

	/**
	 * A city or industry union of the allocation table.
	 *
	 * @param targetOrganisations grassroots union organisations that should run activities
	 * @param targetWorkers workers that should be covered
	 * @param members named member organisations, where the table names them (the industry unions)
	 */
	public record Union(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}") String id, @NotBlank String name,
			@NotNull @PositiveOrZero Integer targetOrganisations, @NotNull @PositiveOrZero Integer targetWorkers,
			List<String> members) {

		public Union {
			members = members == null ? List.of() : List.copyOf(members);
		}
	}

	/**
	 * A day's lesson (每天一期网络安全视频案例教学).
	 *
	 * @param summary the case and its lesson in a few sentences, readable without the video
	 * @param videoUrl where the video is published, or {@code null} until the union's media matrix publishes it
	 */
	public record Lesson(@NotNull LocalDate date, @NotBlank String title, @NotBlank String summary,
			@Pattern(regexp = "https://.+") String videoUrl) {
	}

	/**
	 * The electronic brochure (宣传折页).
	 *
	 * @param points its short points, one per panel
	 */
	public record Brochure(@NotBlank String title, @NotEmpty List<@NotBlank String> points) {
	}

	/** The allocation table's total row. */
	public record Totals(@NotNull @PositiveOrZero Integer organisations, @NotNull @PositiveOrZero Integer workers) {
	}

	/**
	 * The prize pool (奖品) and how it is given out.
	 *
	 * @param noPrizeWeight the weight of the no-prize outcome ("谢谢参与") among the prizes' weights
	 * @param whenOutOfStock what a draw that lands on a prize with no unit left gets
	 * @param release how each prize's quantity is made available over the campaign days
	 * @param items the prizes, in the order a draw's random number is mapped onto them
	 */
	public record Prizes(@NotNull @PositiveOrZero Integer noPrizeWeight, OutOfStock whenOutOfStock, Release release,
			@NotEmpty List<@NotNull @Valid Prize> items) {

		public Prizes {
			whenOutOfStock = whenOutOfStock == null ? OutOfStock.DRAW_AGAIN : whenOutOfStock;
			release = release == null ? Release.DAILY : release;
			items = items == null ? List.of() : List.copyOf(items);
		}
	}

	/** What a draw gets when it lands on a prize that has no unit available. */
	public enum OutOfStock {

		/** Such a draw is a no-prize ("谢谢参与"): prizes keep their weight while out of stock. */
		NO_PRIZE,

		/** The draw is made over the prizes still available: a prize out of stock drops out of the odds. */
		DRAW_AGAIN

	}

	/** How a prize's quantity becomes available over the campaign. */
	public enum Release {

		/** Everything from the first day. */
		ALL_AT_ONCE,

		/**
		 * Spread evenly over the campaign days (the remainder on the first days); units not won on a day roll over to
		 * the next, so the prizes are not all gone on the first morning.
		 */
		DAILY

	}

	/**
	 * A prize.
	 *
	 * @param id stable id, carried by DrawCompleted
	 * @param name the name winners read (Chinese)
	 * @param value what one unit is worth, in yuan (for the accounts and the winners list), or {@code null}
	 * @param weight the prize's share of a draw
	 * @param quantity units to give away in the campaign
	 */
	public record Prize(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}") String id, @NotBlank String name,
			@PositiveOrZero java.math.BigDecimal value, @Positive int weight, @PositiveOrZero int quantity) {
	}

	/**
	 * When scoring holds an attempt for review instead of booking it.
	 *
	 * @param minAnsweringSeconds the least time a whole paper can honestly take; a paper answered faster is held
	 * (shorter papers scale it down by their share of {@code questionsPerPaper})
	 * @param burstSubmissions how many submissions one worker may make within {@code burstWindow}; more are a
	 * burst, and the submissions beyond it are held
	 * @param burstWindow the window bursts are counted in
	 */
	public record Review(@NotNull @PositiveOrZero Integer minAnsweringSeconds, @NotNull @Positive Integer burstSubmissions,
			@NotNull java.time.Duration burstWindow) {

		/** 20 seconds for a paper (2 s a question), more than 2 submissions in 10 minutes. */
		public static final Review DEFAULTS = new Review(20, 2, java.time.Duration.ofMinutes(10));
	}

	/**
	 * How long the campaign keeps personal data.
	 *
	 * @param contactRetentionDays days after the last campaign day that winners' and participants' names and phone
	 * numbers are kept (for prize delivery); then they are erased, and only pseudonymous ids remain
	 */
	public record Privacy(@NotNull @PositiveOrZero Integer contactRetentionDays) {

		/** 90 days, as the 2022 privacy notice promises. */
		public static final Privacy DEFAULTS = new Privacy(90);

		/** The first day on which the campaign's contact details must be gone. */
		public LocalDate erasureDue(LocalDate endsOn) {
			return endsOn.plusDays(1L + contactRetentionDays);
		}
	}
}
