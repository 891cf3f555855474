package org.netsecweek.lottery.entitlement;

import java.util.function.Consumer;

import org.netsecweek.events.scoring.PointsAwarded;
import org.netsecweek.platform.inbox.Inbox;

import org.springframework.stereotype.Component;

/**
 * Records the draws each PointsAwarded says a worker has earned, once per event, then lets waiting draws happen.
 * Binding {@code recordEntitlement-in-0} reads {@code points-awarded}.
 */
@Component("recordEntitlement")
class RecordEntitlement implements Consumer<PointsAwarded> {

	private final Inbox inbox;

	private final Entitlements entitlements;

	private final EntitlementListener listener;

	RecordEntitlement(Inbox inbox, Entitlements entitlements, EntitlementListener listener) {
		this.inbox = inbox;
		this.entitlements = entitlements;
		this.listener = listener;
	}

	@Override
	public void accept(PointsAwarded points) {
		inbox.consume("recordEntitlement", points, () -> entitlements.lock(points.campaignId(), points.workerId())
			.flatMap(locked -> entitlements.raise(locked, points.drawsEarned()))
			.flatMap(listener::entitlementRecorded));
	}
}
