package org.netsecweek.scoring.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of a worker's statement: a booked attempt or an admin's adjustment, with the reason the worker reads and
 * the total right after it.
 *
 * @param kind {@code ATTEMPT} or {@code ADJUSTMENT}
 * @param attemptId the booked attempt, {@code null} for an adjustment
 * @param adjustmentId the adjustment, {@code null} for a booked attempt
 * @param reason e.g. {@code 2022-09-05 答题 8/10 题正确}
 * @param totalAfter the worker's total right after this entry ({@code null} for entries booked before it was kept)
 * @param sequence the total's change counter at this entry
 */
record LedgerEntry(String kind, UUID attemptId, UUID adjustmentId, LocalDate campaignDay, int points, String reason,
		Integer totalAfter, Long sequence, Instant bookedAt) {
}
