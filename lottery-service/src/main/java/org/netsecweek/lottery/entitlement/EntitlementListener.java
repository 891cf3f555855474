package org.netsecweek.lottery.entitlement;

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * Told when workers' draws earned were recorded, so draws that waited for them can happen. Called inside the
 * transaction that recorded them, with the workers' rows still locked: nothing else of those workers runs meanwhile.
 */
public interface EntitlementListener {

	/** @param locked each worker's figures as last recorded, once per worker */
	Mono<Void> entitlementsRecorded(List<Entitlement> locked);
}
