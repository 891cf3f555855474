package org.netsecweek.lottery.entitlement;

import reactor.core.publisher.Mono;

/**
 * Told when a worker's draws earned were recorded, so draws that waited for them can happen. Called inside the
 * transaction that recorded them, with the worker's row still locked: nothing else of that worker runs meanwhile.
 */
public interface EntitlementListener {

	Mono<Void> entitlementRecorded(Entitlement locked);
}
