package org.netsecweek.lottery.prize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.netsecweek.lottery.TestEvents.drawRequested;
import static org.netsecweek.lottery.TestEvents.pointsAwarded;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.netsecweek.events.quiz.DrawRequested;
import org.netsecweek.events.scoring.PointsAwarded;
import org.netsecweek.platform.inbox.EventHandler;
import org.netsecweek.lottery.LotteryIntegrationTest;
import org.netsecweek.platform.campaign.CampaignDefinition.OutOfStock;
import org.netsecweek.platform.campaign.CampaignDefinition.Release;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import org.netsecweek.platform.security.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
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

	@Autowired
	@Qualifier("recordEntitlement")
	EventHandler<PointsAwarded> recordEntitlement;

	@Autowired
	Consumer<DrawRequested> performDraw;

	@Test
	void stocksEachCampaignsPoolFromItsDefinitionAndNeverRefillsIt() {
		for (String campaign : List.of("hlj-2022", "demo")) {
			PrizePool pool = prizes.pool(campaign).block();
			assertThat(pool.noPrizeWeight()).isEqualTo(900);
			assertThat(pool.release()).isEqualTo(Release.DAILY);
			assertThat(pool.whenOutOfStock()).isEqualTo(OutOfStock.DRAW_AGAIN);
			assertThat(pool.days()).isEqualTo(7);
			assertThat(pool.prizes()).extracting(Prize::id, Prize::name, Prize::weight, Prize::quantity, Prize::value)
				.containsExactly(tuple("power-bank", "充电宝", 10, 21, new BigDecimal("59.00")),
						tuple("usb-cable", "数据线", 30, 49, new BigDecimal("19.90")),
						tuple("tote-bag", "定制帆布袋", 60, 105, new BigDecimal("15.00")));
		}
		assertThat(prizes.pool("always-open").block().release()).isEqualTo(Release.ALL_AT_ONCE);
		db.sql("UPDATE prize SET stock_left = 17 WHERE campaign_id = 'hlj-2022' AND prize_id = 'power-bank'")
			.then()
			.block();

		stocking.afterSingletonsInstantiated();

		PrizePool again = prizes.pool("hlj-2022").block();
		assertThat(again.prizes()).hasSize(3);
		assertThat(again.prizes().get(0).stockLeft()).isEqualTo(17);
	}

	@Test
	void aCampaignWithoutPrizesHasAnEmptyPoolAndEveryDrawLandsOnNoPrize() {
		UUID worker = UUID.randomUUID();
		recordEntitlement.accept(pointsAwarded("no-prizes", worker, 3));

		for (int n = 1; n <= 3; n++) {
			performDraw.accept(drawRequested("no-prizes", worker, n));
		}

		assertThat(prizes.pool("no-prizes").block().prizes()).isEmpty();
		assertThat(db.sql("SELECT status, count(*) AS n FROM draw WHERE worker_id = :w GROUP BY status")
			.bind("w", worker)
			.map(row -> Map.entry(row.get("status", String.class), row.get("n", Long.class)))
			.all()
			.collectList()
			.block()).containsExactly(Map.entry("NO_PRIZE", 3L));
	}

	@Test
	void adminsSeeEachPrizesQuantityReleasedWonAvailableAndValue() {
		String unionAdmin = token(new Caller("harbin-staff", Role.UNION_ADMIN, "harbin"));

		// the demo campaign (hlj-2022 moved to the day the context started) releases 21 power banks, 3 a day
		int today = web.get().uri("/api/admin/prizes").headers(h -> h.setBearerAuth(provinceAdmin())).exchange()
			.expectBody(Map.class).returnResult().getResponseBody().get("today") instanceof Integer day ? day : -1;
		assertThat(today).as("the first day, or the second across midnight in Harbin").isBetween(1, 2);
		web.get().uri("/api/admin/prizes").headers(h -> h.setBearerAuth(provinceAdmin())).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.campaignId").isEqualTo("demo")
			.jsonPath("$.noPrizeWeight").isEqualTo(900)
			.jsonPath("$.release").isEqualTo("DAILY")
			.jsonPath("$.whenOutOfStock").isEqualTo("DRAW_AGAIN")
			.jsonPath("$.days").isEqualTo(7)
			.jsonPath("$.today").isEqualTo(today)
			.jsonPath("$.prizes[0].id").isEqualTo("power-bank")
			.jsonPath("$.prizes[0].name").isEqualTo("充电宝")
			.jsonPath("$.prizes[0].value").isEqualTo(59.0)
			.jsonPath("$.prizes[0].quantity").isEqualTo(21)
			.jsonPath("$.prizes[0].released").isEqualTo(3 * today)
			.jsonPath("$.prizes[0].won").isNumber()
			.jsonPath("$.prizes[0].available").isNumber()
			.jsonPath("$.prizes[2].released").isEqualTo(15 * today);
		web.get().uri("/api/admin/prizes?campaignId=hlj-2022").headers(h -> h.setBearerAuth(unionAdmin)).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.campaignId").isEqualTo("hlj-2022")
			.jsonPath("$.prizes[0].released").isEqualTo(21)
			.jsonPath("$.prizes.length()").isEqualTo(3);
		web.get().uri("/api/admin/prizes?campaignId=nope").headers(h -> h.setBearerAuth(provinceAdmin())).exchange()
			.expectStatus().isNotFound()
			.expectBody().jsonPath("$.code").isEqualTo("unknown-campaign");
	}

	@Test
	void provinceAdminsReplaceAPoolUntilTheFirstDrawAndARestartKeepsTheirPool() {
		web.put().uri("/api/admin/prizes/adjustable").headers(h -> h.setBearerAuth(provinceAdmin()))
			.bodyValue(Map.of("noPrizeWeight", 0, "whenOutOfStock", "NO_PRIZE", "release", "ALL_AT_ONCE", "items",
					List.of(Map.of("id", "mug", "name", "马克杯", "value", 25.5, "weight", 5, "quantity", 2),
							Map.of("id", "umbrella", "name", "雨伞", "weight", 5, "quantity", 0))))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.whenOutOfStock").isEqualTo("NO_PRIZE")
			.jsonPath("$.drawsBegun").isEqualTo(false)
			.jsonPath("$.prizes.length()").isEqualTo(2)
			.jsonPath("$.prizes[0].value").isEqualTo(25.5)
			.jsonPath("$.prizes[0].available").isEqualTo(2)
			.jsonPath("$.prizes[1].value").doesNotExist();

		stocking.afterSingletonsInstantiated();
		assertThat(prizes.pool("adjustable").block().prizes()).extracting(Prize::id).containsExactly("mug", "umbrella");

		UUID worker = UUID.randomUUID();
		recordEntitlement.accept(pointsAwarded("adjustable", worker, 1));
		performDraw.accept(drawRequested("adjustable", worker, 1));

		web.put().uri("/api/admin/prizes/adjustable").headers(h -> h.setBearerAuth(provinceAdmin()))
			.bodyValue(Map.of("noPrizeWeight", 900, "items", List.of()))
			.exchange()
			.expectStatus().isEqualTo(409)
			.expectBody()
			.jsonPath("$.code").isEqualTo("prize-pool-in-use")
			.jsonPath("$.title").isEqualTo("奖池已开始抽奖，不能修改");
		assertThat(prizes.pool("adjustable").block().noPrizeWeight()).isZero();
	}

	@Test
	void aPoolWithDuplicateIdsOrWeightsOrQuantitiesOutOfRangeIsRefusedNamingTheField() {
		web.put().uri("/api/admin/prizes/adjustable").headers(h -> h.setBearerAuth(provinceAdmin()))
			.bodyValue(Map.of("noPrizeWeight", 10, "items",
					List.of(Map.of("id", "mug", "name", "马克杯", "weight", 5, "quantity", 2),
							Map.of("id", "mug", "name", "另一个马克杯", "weight", 5, "quantity", 2))))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.code").isEqualTo("invalid-request")
			.jsonPath("$.errors[0].field").isEqualTo("items[1].id")
			.jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("重复", "mug"));
		web.put().uri("/api/admin/prizes/adjustable").headers(h -> h.setBearerAuth(provinceAdmin()))
			.bodyValue(Map.of("noPrizeWeight", -1, "items",
					List.of(Map.of("id", "mug", "name", "马克杯", "weight", 0, "quantity", -2))))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.errors.length()").isEqualTo(3)
			.jsonPath("$.errors[?(@.field == 'items[0].weight')].message").isEqualTo("权重必须大于0 (weight must be greater than 0)")
			.jsonPath("$.errors[?(@.field == 'items[0].quantity')].message").isEqualTo("数量不能为负数 (quantity must be 0 or more)")
			.jsonPath("$.errors[?(@.field == 'noPrizeWeight')]").exists();
	}

	@Test
	void onlyProvinceAdminsReplaceAPoolAndOnlyAdminsSeeIt() {
		String unionAdmin = token(new Caller("harbin-staff", Role.UNION_ADMIN, "harbin"));
		String worker = token(new Caller(UUID.randomUUID().toString(), Role.WORKER, null));
		Map<String, Object> pool = Map.of("noPrizeWeight", 10, "items", List.of());

		web.put().uri("/api/admin/prizes/adjustable").headers(h -> h.setBearerAuth(unionAdmin)).bodyValue(pool)
			.exchange()
			.expectStatus().isForbidden()
			.expectBody().jsonPath("$.code").isEqualTo("province-admins-only");
		web.put().uri("/api/admin/prizes/adjustable").headers(h -> h.setBearerAuth(worker)).bodyValue(pool).exchange()
			.expectStatus().isForbidden();
		web.get().uri("/api/admin/prizes").headers(h -> h.setBearerAuth(worker)).exchange()
			.expectStatus().isForbidden();
		web.get().uri("/api/admin/prizes").exchange().expectStatus().isUnauthorized();
		assertThat(prizes.pool("adjustable").block().noPrizeWeight()).isNotEqualTo(10);
	}

	private String provinceAdmin() {
		return token(new Caller("province-staff", Role.PROVINCE_ADMIN, null));
	}

	private String token(Caller caller) {
		return tokens.issue(caller).token();
	}
}
