package org.netsecweek.scoring.ledger;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When an attempt is held for review instead of booked.
 *
 * @param minTimePerQuestion a paper answered faster than this per question is held (2 s: 20 s for 10 questions);
 * zero holds nothing
 */
@Validated
@ConfigurationProperties("netsec.scoring.review")
record ReviewSettings(@NotNull @DefaultValue("2s") Duration minTimePerQuestion) {

	/** Why the attempt is suspicious, or {@code null} when it is not. */
	String suspicion(long answeringMillis, int questionCount) {
		long minimum = minTimePerQuestion.toMillis() * questionCount;
		return answeringMillis < minimum ? "答题用时 " + answeringMillis / 1000.0 + " 秒，低于 " + minimum / 1000 + " 秒" : null;
	}
}
