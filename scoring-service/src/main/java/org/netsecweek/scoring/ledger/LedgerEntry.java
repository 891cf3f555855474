package org.netsecweek.scoring.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One booking of points, with the reason a worker reads when asking where their points came from.
 *
 * @param reason e.g. {@code 2022-09-05 答题 8/10 题正确}
 */
record LedgerEntry(UUID attemptId, LocalDate campaignDay, int points, String reason, Instant bookedAt) {
}
