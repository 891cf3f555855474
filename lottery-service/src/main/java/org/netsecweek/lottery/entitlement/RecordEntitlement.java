package org.netsecweek.lottery.entitlement;

import org.netsecweek.events.scoring.PointsAwarded;
import org.netsecweek.platform.inbox.EventHandler;
import org.netsecweek.platform.inbox.Inbox;

import org.springframework.stereotype.Component;

/**
 * Records the draws each PointsAwarded says a worker has earned, once per event, then lets waiting draws happen.
 * Binding {@code recordEntitlement-in-0} reads {@code points-awarded}.
 */
@Component("recordEntitlement")
class RecordEntitlement extends EventHandler<PointsAwarded> {

	RecordEntitlement(Inbox inbox, Entitlements entitlements, EntitlementListener listener) {
		super(inbox, "recordEntitlement", points -> entitlements.lock(points.campaignId(), points.workerId())
			.flatMap(locked -> entitlements.apply(locked, points))
			.flatMap(listener::entitlementRecorded));
	}
}
