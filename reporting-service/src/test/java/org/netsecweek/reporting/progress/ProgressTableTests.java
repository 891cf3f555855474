package org.netsecweek.reporting.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netsecweek.reporting.TestCampaigns.union;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.reporting.TestCampaigns;
import org.netsecweek.reporting.participation.UnionTally;
import org.netsecweek.reporting.progress.Progress.Row;

class ProgressTableTests {

	private static final CampaignDefinition CAMPAIGN = TestCampaigns.withUnions(union("harbin", "哈尔滨市", 6, 1400),
			union("qiqihar", "齐齐哈尔市", 5, 1300), union("heihe", "黑河市", 1, 500), union("none", "无目标", 0, 0));

	@Test
	void ratesAreRoundedHalfUpToFourDecimalsAndMayExceedOne() {
		assertThat(ProgressTable.rate(1, 3)).isEqualTo(new BigDecimal("0.3333"));
		assertThat(ProgressTable.rate(2, 3)).isEqualTo(new BigDecimal("0.6667"));
		assertThat(ProgressTable.rate(1, 1400)).isEqualTo(new BigDecimal("0.0007"));
		assertThat(ProgressTable.rate(1400, 1400)).isEqualTo(new BigDecimal("1.0000"));
		assertThat(ProgressTable.rate(7, 6)).isEqualTo(new BigDecimal("1.1667"));
	}

	@Test
	void aZeroTargetGivesARateOfZero() {
		assertThat(ProgressTable.rate(5, 0)).isEqualTo(new BigDecimal("0.0000"));
		assertThat(ProgressTable.rate(0, 0)).isEqualTo(new BigDecimal("0.0000"));
	}

	@Test
	void rowsFollowTheAllocationTableAndUnionsWithoutFactsShowZeros() {
		Progress progress = ProgressTable.of(CAMPAIGN,
				Map.of("heihe", new UnionTally("heihe", 1, 250, 400, 30, 4)), union -> true);

		assertThat(progress.unions()).extracting(Row::unionId).containsExactly("harbin", "qiqihar", "heihe", "none");
		Row harbin = progress.unions().get(0);
		assertThat(harbin.name()).isEqualTo("哈尔滨市");
		assertThat(harbin.targetWorkers()).isEqualTo(1400);
		assertThat(harbin.workersCovered()).isZero();
		assertThat(harbin.workersRate()).isEqualTo(new BigDecimal("0.0000"));
		Row heihe = progress.unions().get(2);
		assertThat(heihe.organisationsRate()).isEqualTo(new BigDecimal("1.0000"));
		assertThat(heihe.workersRate()).isEqualTo(new BigDecimal("0.5000"));
		assertThat(heihe.attempts()).isEqualTo(400);
		assertThat(heihe.draws()).isEqualTo(30);
		assertThat(heihe.prizesGiven()).isEqualTo(4);
	}

	@Test
	void theTotalSumsTheRowsAndTakesItsRatesFromTheSums() {
		Progress progress = ProgressTable.of(CAMPAIGN, Map.of("harbin", new UnionTally("harbin", 3, 700, 900, 20, 2),
				"qiqihar", new UnionTally("qiqihar", 5, 130, 200, 5, 1)), union -> true);

		Row total = progress.total();
		assertThat(total.unionId()).isNull();
		assertThat(total.name()).isEqualTo("合计");
		assertThat(total.targetOrganisations()).isEqualTo(12);
		assertThat(total.organisationsActive()).isEqualTo(8);
		assertThat(total.organisationsRate()).isEqualTo(new BigDecimal("0.6667"));
		assertThat(total.targetWorkers()).isEqualTo(3200);
		assertThat(total.workersCovered()).isEqualTo(830);
		assertThat(total.workersRate()).isEqualTo(new BigDecimal("0.2594")); // not the mean of 0.5 and 0.1
		assertThat(total.attempts()).isEqualTo(1100);
		assertThat(total.draws()).isEqualTo(25);
		assertThat(total.prizesGiven()).isEqualTo(3);
	}

	@Test
	void aUnionAdminsTableHoldsTheirUnionAndATotalOfItOnly() {
		Progress progress = ProgressTable.of(CAMPAIGN, Map.of("harbin", new UnionTally("harbin", 3, 700, 900, 20, 2),
				"qiqihar", new UnionTally("qiqihar", 5, 130, 200, 5, 1)), "qiqihar"::equals);

		assertThat(progress.unions()).extracting(Row::unionId).containsExactly("qiqihar");
		assertThat(progress.total().targetWorkers()).isEqualTo(1300);
		assertThat(progress.total().workersCovered()).isEqualTo(130);
		assertThat(progress.total().workersRate()).isEqualTo(new BigDecimal("0.1000"));
	}

	@Test
	void talliesOfUnionsOutsideTheTableAreLeftOut() {
		Progress progress = ProgressTable.of(CAMPAIGN, Map.of("atlantis", new UnionTally("atlantis", 9, 9, 9, 9, 9)),
				union -> true);

		assertThat(progress.unions()).extracting(Row::unionId).doesNotContain("atlantis");
		assertThat(progress.total().workersCovered()).isZero();
	}

	@Test
	void theDeadlineIsStatedInTheCampaignsTimeZone() {
		Progress progress = ProgressTable.of(CAMPAIGN, Map.of(), union -> true);

		assertThat(progress.deadline()).hasToString("2022-09-12T10:00+08:00");
		assertThat(progress.campaignId()).isEqualTo("test-week");
		assertThat(progress.campaignName()).isEqualTo("测试活动");
	}
}
