package org.netsecweek.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netsecweek.reporting.TestCampaigns.union;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.reporting.TestCampaigns;
import org.netsecweek.reporting.report.Report.Accuracy;
import org.netsecweek.reporting.report.Report.Day;
import org.netsecweek.reporting.report.Report.Row;

class ReportTableTests {

	private static final CampaignDefinition CAMPAIGN = TestCampaigns.withUnions(union("harbin", "哈尔滨市", 6, 1400),
			union("qiqihar", "齐齐哈尔市", 5, 1300), union("heihe", "黑河市", 1, 500), union("none", "无目标", 0, 0));

	private static final LocalDate FIRST_DAY = LocalDate.of(2022, 9, 5);

	@Test
	void ratesAreRoundedHalfUpToFourDecimalsAndMayExceedOne() {
		assertThat(ReportTable.rate(1, 3)).isEqualTo(new BigDecimal("0.3333"));
		assertThat(ReportTable.rate(2, 3)).isEqualTo(new BigDecimal("0.6667"));
		assertThat(ReportTable.rate(1, 1400)).isEqualTo(new BigDecimal("0.0007"));
		assertThat(ReportTable.rate(1400, 1400)).isEqualTo(new BigDecimal("1.0000"));
		assertThat(ReportTable.rate(7, 6)).isEqualTo(new BigDecimal("1.1667"));
	}

	@Test
	void aZeroTargetGivesARateOfZero() {
		assertThat(ReportTable.rate(5, 0)).isEqualTo(new BigDecimal("0.0000"));
		assertThat(ReportTable.rate(0, 0)).isEqualTo(new BigDecimal("0.0000"));
	}

	@Test
	void rowsFollowTheAllocationTableAndUnionsWithoutFactsShowZerosOnEveryDay() {
		Figures figures = new Figures();
		Figures.OfUnion heihe = figures.union("heihe");
		heihe.organisationsActive = 1;
		heihe.workersCovered = 250;
		heihe.draws = 30;
		heihe.prizesGiven = 4;
		attempts(heihe, FIRST_DAY, 400, 2800, 4000);

		Report report = ReportTable.of(CAMPAIGN, figures, null);

		assertThat(report.unions()).extracting(Row::unionId).containsExactly("harbin", "qiqihar", "heihe", "none");
		Row harbin = report.unions().get(0);
		assertThat(harbin.name()).isEqualTo("哈尔滨市");
		assertThat(harbin.workersCovered()).isZero();
		assertThat(harbin.workersRate()).isEqualTo(new BigDecimal("0.0000"));
		assertThat(harbin.days()).hasSize(7).allMatch(day -> day.workers() == 0);
		Row row = report.unions().get(2);
		assertThat(row.organisationsRate()).isEqualTo(new BigDecimal("1.0000"));
		assertThat(row.workersRate()).isEqualTo(new BigDecimal("0.5000"));
		assertThat(row.attempts()).isEqualTo(400);
		assertThat(row.averageScore()).isEqualTo(new BigDecimal("7.00"));
		assertThat(row.accuracy()).isEqualTo(new BigDecimal("0.7000"));
		assertThat(row.draws()).isEqualTo(30);
		assertThat(row.prizesGiven()).isEqualTo(4);
		assertThat(report.frozen()).isFalse();
		assertThat(report.asOf()).isNull();
	}

	@Test
	void theTotalSumsTheRowsAndTakesItsRatesFromTheSums() {
		Figures figures = new Figures();
		Figures.OfUnion harbin = figures.union("harbin");
		harbin.organisationsActive = 3;
		harbin.workersCovered = 700;
		attempts(harbin, FIRST_DAY, 900, 6300, 9000);
		Figures.OfUnion qiqihar = figures.union("qiqihar");
		qiqihar.organisationsActive = 5;
		qiqihar.workersCovered = 130;
		attempts(qiqihar, FIRST_DAY, 100, 900, 1000);
		attempts(qiqihar, FIRST_DAY.plusDays(1), 100, 500, 1000);
		qiqihar.day(FIRST_DAY.plusDays(1)).offlineParticipants = 40;
		qiqihar.day(FIRST_DAY.plusDays(1)).offlineActivities = 2;

		Row total = ReportTable.of(CAMPAIGN, figures, null).total();

		assertThat(total.unionId()).isNull();
		assertThat(total.name()).isEqualTo("合计");
		assertThat(total.targetOrganisations()).isEqualTo(12);
		assertThat(total.organisationsActive()).isEqualTo(8);
		assertThat(total.organisationsRate()).isEqualTo(new BigDecimal("0.6667"));
		assertThat(total.targetWorkers()).isEqualTo(3200);
		assertThat(total.workersCovered()).isEqualTo(830);
		assertThat(total.workersRate()).isEqualTo(new BigDecimal("0.2594")); // not the mean of 0.5 and 0.1
		assertThat(total.attempts()).isEqualTo(1100);
		assertThat(total.averageScore()).isEqualTo(new BigDecimal("7.00")); // 7700 / 1100
		assertThat(total.offlineParticipants()).isEqualTo(40);
		assertThat(total.offlineActivities()).isEqualTo(2);
		Day first = total.days().get(0);
		assertThat(first.workers()).isEqualTo(1000);
		assertThat(first.averageScore()).isEqualTo(new BigDecimal("7.20"));
		assertThat(total.days().get(1).offlineParticipants()).isEqualTo(40);
	}

	@Test
	void accuracyIsGivenPerQuestionAndPerCategoryAndSummedInTheTotal() {
		Figures figures = new Figures();
		figures.union("harbin").question("pipl-001", "PERSONAL_INFORMATION", 10, 9);
		figures.union("harbin").question("pipl-002", "PERSONAL_INFORMATION", 10, 3);
		figures.union("harbin").question("csl-004", "CYBERSECURITY_LAW", 4, 1);
		figures.union("heihe").question("csl-004", "CYBERSECURITY_LAW", 4, 3);

		Report report = ReportTable.of(CAMPAIGN, figures, null);

		Row harbin = report.unions().get(0);
		assertThat(harbin.questions()).extracting(Accuracy::id).containsExactly("csl-004", "pipl-001", "pipl-002");
		assertThat(harbin.questions().get(2).accuracy()).isEqualTo(new BigDecimal("0.3000"));
		assertThat(harbin.categories()).containsExactly(
				new Accuracy("CYBERSECURITY_LAW", "CYBERSECURITY_LAW", 4, 1, new BigDecimal("0.2500")),
				new Accuracy("PERSONAL_INFORMATION", "PERSONAL_INFORMATION", 20, 12, new BigDecimal("0.6000")));
		assertThat(report.total().questions().get(0))
			.isEqualTo(new Accuracy("csl-004", "CYBERSECURITY_LAW", 8, 4, new BigDecimal("0.5000")));
	}

	@Test
	void aUnionAdminsReportHoldsTheirUnionAndATotalOfItOnly() {
		Figures figures = new Figures();
		figures.union("harbin").workersCovered = 700;
		figures.union("qiqihar").workersCovered = 130;

		Report report = ReportTable.of(CAMPAIGN, figures, null).visibleTo("qiqihar"::equals);

		assertThat(report.unions()).extracting(Row::unionId).containsExactly("qiqihar");
		assertThat(report.total().targetWorkers()).isEqualTo(1300);
		assertThat(report.total().workersCovered()).isEqualTo(130);
		assertThat(report.total().workersRate()).isEqualTo(new BigDecimal("0.1000"));
	}

	@Test
	void figuresOfUnionsOutsideTheTableAreLeftOut() {
		Figures figures = new Figures();
		figures.union("atlantis").workersCovered = 9;

		Report report = ReportTable.of(CAMPAIGN, figures, null);

		assertThat(report.unions()).extracting(Row::unionId).doesNotContain("atlantis");
		assertThat(report.total().workersCovered()).isZero();
	}

	@Test
	void theDeadlineIsStatedInTheCampaignsTimeZoneAndASnapshotSaysItsCutOff() {
		Report report = ReportTable.of(CAMPAIGN, new Figures(), Instant.parse("2022-09-12T02:00:00Z"));

		assertThat(report.deadline()).isEqualTo("2022-09-12T10:00:00+08:00");
		assertThat(report.frozen()).isTrue();
		assertThat(report.asOf()).isEqualTo("2022-09-12T02:00:00Z");
		assertThat(report.campaignId()).isEqualTo("test-week");
	}

	@Test
	void theCanonicalJsonIsStableAndReadsBackToTheSameReport() {
		Figures figures = new Figures();
		figures.union("harbin").workersCovered = 3;
		figures.union("harbin").question("pipl-001", "PERSONAL_INFORMATION", 10, 9);
		Report report = ReportTable.of(CAMPAIGN, figures, Instant.parse("2022-09-12T02:00:00Z"));

		String json = CanonicalJson.write(report);

		assertThat(json).startsWith("{\"asOf\":\"2022-09-12T02:00:00Z\",\"campaignId\":\"test-week\"")
			.doesNotContain(" \"", "E-");
		assertThat(CanonicalJson.write(CanonicalJson.read(json))).isEqualTo(json);
		assertThat(CanonicalJson.sha256(json)).hasSize(64).isEqualTo(CanonicalJson.sha256(new String(json)));
	}

	private static void attempts(Figures.OfUnion union, LocalDate day, long attempts, long correct, long questions) {
		Figures.OfDay of = union.day(day);
		of.attempts = attempts;
		of.correctAnswers = correct;
		of.questionsAnswered = questions;
	}
}
