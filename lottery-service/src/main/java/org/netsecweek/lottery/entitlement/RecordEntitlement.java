package org.netsecweek.lottery.entitlement;

import java.util.List;

import org.netsecweek.events.scoring.PointsAwarded;
import org.netsecweek.platform.inbox.EventHandler;
import org.netsecweek.platform.inbox.Inbox;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Records the draws each PointsAwarded says a worker has earned, once per event, then lets waiting draws happen.
 * Binding {@code recordEntitlement-in-0} reads {@code points-awarded}, a polled batch per transaction: the batch's
 * workers are locked at once in key order (as a batch of draws locks them, so the two never deadlock), their events
 * applied in the order polled, and each worker's waiting draws released once, with the last figures.
 */
@Component("recordEntitlement")
class RecordEntitlement extends EventHandler<PointsAwarded> {

	RecordEntitlement(Inbox inbox, JsonMapper json, Entitlements entitlements, EntitlementListener listener) {
		super(inbox, json, PointsAwarded.class, "recordEntitlement", batch -> record(batch, entitlements, listener));
	}

	private static Mono<Void> record(List<PointsAwarded> batch, Entitlements entitlements,
			EntitlementListener listener) {
		return entitlements.lockAll(batch.stream().map(RecordEntitlement::key).distinct().toList())
			.then(entitlements.apply(batch))
			// the last figures of each worker
			.flatMap(latest -> listener.entitlementsRecorded(List.copyOf(latest.values())));
	}

	private static Entitlement.Key key(PointsAwarded points) {
		return new Entitlement.Key(points.campaignId(), points.workerId());
	}
}
