package org.netsecweek.lottery.prize;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import org.netsecweek.platform.tracing.InRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Province admins replace a campaign's pool until its first draw. The replacement holds the draws' lock, so it and
 * a first draw cannot overlap: either the draw sees the new pool, or the replacement sees the draw and is refused.
 */
@Component
class PrizeManagement {

	private static final Logger log = LoggerFactory.getLogger(PrizeManagement.class);

	private final Prizes prizes;

	private final DrawsBegun draws;

	private final TransactionalOperator transaction;

	private final Clock clock;

	PrizeManagement(Prizes prizes, DrawsBegun draws, ReactiveTransactionManager transactions, Clock clock) {
		this.prizes = prizes;
		this.draws = draws;
		this.transaction = TransactionalOperator.create(transactions);
		this.clock = clock;
	}

	Mono<Void> replace(CampaignDefinition campaign, CampaignDefinition.Prizes pool, Caller caller) {
		if (caller.role() != Role.PROVINCE_ADMIN) {
			return Mono.error(new ProvinceAdminsOnly());
		}
		List<Map<String, String>> duplicates = duplicateIds(pool.items());
		if (!duplicates.isEmpty()) {
			return Mono.error(new InvalidPrizePool(duplicates));
		}
		Mono<Void> work = draws.lockAndCheck(campaign.id())
			.flatMap(begun -> begun ? Mono.error(new PoolInUse(campaign.id()))
					: prizes.replace(campaign.id(), pool, caller.subject(), clock.instant()));
		return InRequest.logAfter(transaction.transactional(work),
				done -> log.info("Prize pool of {} replaced by {}: {} prizes, no-prize weight {}, {}, {}", campaign.id(),
						caller.subject(), pool.items().size(), pool.noPrizeWeight(), pool.release(),
						pool.whenOutOfStock()));
	}

	private static List<Map<String, String>> duplicateIds(List<CampaignDefinition.Prize> items) {
		Set<String> seen = new HashSet<>();
		List<Map<String, String>> errors = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			String id = items.get(i).id();
			if (!seen.add(id)) {
				errors.add(Map.of("field", "items[" + i + "].id", "message",
						"奖品编号 " + id + " 重复 (duplicate prize id '" + id + "')"));
			}
		}
		return errors;
	}
}
