package org.netsecweek.reporting.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An offline activity a union recorded (进企业、进车间、进班组 or another form). No personal data: a count of
 * participants, not their names.
 *
 * @param requestId the client's id of the create request: the same id again gives the same activity
 * @param recordedBy the admin's user name
 */
record OfflineActivity(UUID id, String campaignId, String unionId, String orgId, String orgName, LocalDate date,
		String form, int participants, String description, String requestId, String recordedBy, Instant createdAt,
		Instant updatedAt) {
}
