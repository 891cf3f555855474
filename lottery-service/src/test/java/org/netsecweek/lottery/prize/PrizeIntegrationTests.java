package org.netsecweek.lottery.prize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.netsecweek.lottery.LotteryIntegrationTest;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import org.netsecweek.platform.security.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@LotteryIntegrationTest
class PrizeIntegrationTests {

	@Autowired
	Prizes prizes;

	@Autowired
	PrizeStocking stocking;

	@Autowired
	DatabaseClient db;

	@Autowired
	Tokens tokens;

	@Autowired
	WebTestClient web;

	@Test
	void stocksTheConfiguredPoolForEveryKnownCampaignAndNeverRefillsIt() {
		for (String campaign : List.of("hlj-2022", "demo")) {
			PrizePool pool = prizes.pool(campaign).block();
			assertThat(pool.noPrizeWeight()).isEqualTo(900);
			assertThat(pool.prizes()).extracting(Prize::id, Prize::name, Prize::weight, Prize::quantity)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("power-bank", "充电宝", 10, 20),
						org.assertj.core.groups.Tuple.tuple("usb-cable", "数据线", 30, 50),
						org.assertj.core.groups.Tuple.tuple("tote-bag", "定制帆布袋", 60, 100));
		}
		db.sql("UPDATE prize SET stock_left = 17 WHERE campaign_id = 'hlj-2022' AND prize_id = 'power-bank'")
			.then()
			.block();

		stocking.afterSingletonsInstantiated();

		PrizePool again = prizes.pool("hlj-2022").block();
		assertThat(again.prizes()).hasSize(3);
		assertThat(again.prizes().get(0).stockLeft()).isEqualTo(17);
	}

	@Test
	void adminsSeeThePrizesLeftOfTheRunningCampaignOrOfOneTheyName() {
		String admin = tokens.issue(new Caller("province-staff", Role.PROVINCE_ADMIN, null)).token();
		String unionAdmin = tokens.issue(new Caller("harbin-staff", Role.UNION_ADMIN, "harbin")).token();

		web.get().uri("/api/admin/prizes").headers(h -> h.setBearerAuth(admin)).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.campaignId").isEqualTo("demo")
			.jsonPath("$.noPrizeWeight").isEqualTo(900)
			.jsonPath("$.prizes[0].id").isEqualTo("power-bank")
			.jsonPath("$.prizes[0].name").isEqualTo("充电宝")
			.jsonPath("$.prizes[0].quantity").isEqualTo(20)
			.jsonPath("$.prizes[0].stockLeft").isNumber();
		web.get().uri("/api/admin/prizes?campaignId=hlj-2022").headers(h -> h.setBearerAuth(unionAdmin)).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.campaignId").isEqualTo("hlj-2022")
			.jsonPath("$.prizes.length()").isEqualTo(3);
		web.get().uri("/api/admin/prizes?campaignId=nope").headers(h -> h.setBearerAuth(admin)).exchange()
			.expectStatus().isNotFound()
			.expectBody().jsonPath("$.code").isEqualTo("unknown-campaign");
	}

	@Test
	void workersAndStrangersMayNotSeeThePrizePool() {
		String worker = tokens.issue(new Caller(java.util.UUID.randomUUID().toString(), Role.WORKER, null)).token();

		web.get().uri("/api/admin/prizes").headers(h -> h.setBearerAuth(worker)).exchange()
			.expectStatus().isForbidden();
		web.get().uri("/api/admin/prizes").exchange().expectStatus().isUnauthorized();
	}
}
