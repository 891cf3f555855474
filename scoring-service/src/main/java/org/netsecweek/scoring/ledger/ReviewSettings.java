package org.netsecweek.scoring.ledger;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's switch over the review rules. The thresholds themselves come from each campaign's definition
 * ({@code review.minAnsweringSeconds}, {@code review.burstSubmissions}, {@code review.burstWindow}).
 *
 * @param holdFastPapers hold papers answered faster than the campaign allows (on by default; the local run turns it
 * off, since its browser journey answers in seconds). Bursts are held either way.
 */
@ConfigurationProperties("netsec.scoring.review")
record ReviewSettings(@DefaultValue("true") boolean holdFastPapers) {
}
