package org.netsecweek.scoring.adjustment;

import java.time.Instant;
import java.util.UUID;

/**
 * An admin's change of a worker's points, as the ledger keeps it.
 *
 * @param adjustmentId the idempotency key the admin's client chose; a repeat answers with this first result
 * @param points points added, or taken away when negative
 * @param totalAfter the worker's total right after it
 * @param drawsEarned draws that total earns
 * @param madeBy the admin's user name
 */
public record Adjustment(UUID adjustmentId, String campaignId, UUID workerId, String unionId, int points,
		int totalAfter, int drawsEarned, String reason, String madeBy, Instant madeAt) {
}
