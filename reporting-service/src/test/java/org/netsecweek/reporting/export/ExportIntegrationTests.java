package org.netsecweek.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.events.quiz.AnswerSubmitted.QuestionResult;
import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.platform.security.Tokens;
import org.netsecweek.reporting.Admin;
import org.netsecweek.reporting.ReportingIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Exports of the demo campaign: jixi with two quiz organisations and one offline-only organisation. */
@ReportingIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportIntegrationTests {

	@Autowired
	WebTestClient web;

	@Autowired
	Tokens tokens;

	@Autowired
	Campaigns campaigns;

	@Autowired
	@Qualifier("countAnswers")
	Consumer<List<AnswerSubmitted>> countAnswers;

	@BeforeAll
	void jixiTookPart() {
		CampaignDefinition demo = campaigns.get(Campaigns.DEMO_ID);
		countAnswers.accept(List.of(answer("jixi", "jixi-0001", demo.startsOn()),
				answer("jixi", "jixi-0002", demo.startsOn().plusDays(1)),
				answer("daqing", "=HYPERLINK(\"http://evil\")", demo.startsOn())));
		Map<String, Object> activity = new java.util.HashMap<>(Map.of("requestId", UUID.randomUUID().toString(),
				"campaignId", Campaigns.DEMO_ID, "orgId", "jixi-0003", "date", demo.startsOn().toString(), "form",
				"进班组", "participants", 18, "description", "班前会宣讲"));
		web.post().uri("/api/admin/activities").headers(h -> h.setBearerAuth(Admin.province(tokens)))
			.bodyValue(activity).exchange().expectStatus().isCreated();
	}

	@Test
	void theWorkbookHasTheAllocationTablesLayoutWithActualFiguresAndRatesBesideTheTargets() throws Exception {
		try (XSSFWorkbook workbook = xlsx(Admin.province(tokens), "")) {
			Sheet table = workbook.getSheet(AllocationWorkbook.TABLE_SHEET);
			assertThat(table.getRow(0).getCell(0).getStringCellValue()).isEqualTo(AllocationWorkbook.TITLE);
			assertThat(texts(table.getRow(2), 11)).containsExactly("序号", "市（地）、产业工会", "开展活动的基层工会组织（个）", "",
					"", "覆盖职工网民（人）", "", "", "线下活动（次）", "线下活动参与（人次）", "答题（人次）");
			assertThat(texts(table.getRow(3), 8)).containsExactly("", "", "分配数", "实际数", "完成率", "分配数", "实际数",
					"完成率");
			assertThat(table.getMergedRegions()).contains(CellRangeAddress.valueOf("C3:E3"),
					CellRangeAddress.valueOf("F3:H3"), CellRangeAddress.valueOf("A3:A4"));
			Row harbin = table.getRow(4);
			assertThat(harbin.getCell(0).getNumericCellValue()).isEqualTo(1);
			assertThat(harbin.getCell(1).getStringCellValue()).isEqualTo("哈尔滨市");
			assertThat(harbin.getCell(2).getNumericCellValue()).isEqualTo(6);
			assertThat(harbin.getCell(5).getNumericCellValue()).isEqualTo(1400);
			Row jixi = table.getRow(9);
			assertThat(jixi.getCell(0).getNumericCellValue()).isEqualTo(6);
			assertThat(jixi.getCell(1).getStringCellValue()).isEqualTo("鸡西市");
			assertThat(jixi.getCell(2).getNumericCellValue()).isEqualTo(2);
			assertThat(jixi.getCell(3).getNumericCellValue()).isEqualTo(3); // two by quiz, one by offline activity
			assertThat(jixi.getCell(4).getNumericCellValue()).isEqualTo(1.5);
			assertThat(jixi.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
			assertThat(jixi.getCell(5).getNumericCellValue()).isEqualTo(700);
			assertThat(jixi.getCell(6).getNumericCellValue()).isEqualTo(2);
			assertThat(jixi.getCell(7).getNumericCellValue()).isEqualTo(0.0029); // 2 / 700
			assertThat(jixi.getCell(8).getNumericCellValue()).isEqualTo(1);
			assertThat(jixi.getCell(9).getNumericCellValue()).isEqualTo(18);
			assertThat(jixi.getCell(10).getNumericCellValue()).isEqualTo(2);
			Row total = table.getRow(18);
			assertThat(total.getCell(1).getStringCellValue()).isEqualTo("合计");
			assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(40);
			assertThat(total.getCell(5).getNumericCellValue()).isEqualTo(10000);
			assertThat(total.getCell(6).getNumericCellValue()).isGreaterThanOrEqualTo(2);
			assertThat(table.getLastRowNum()).isEqualTo(18);

			Sheet organisations = workbook.getSheet("基层组织明细");
			List<String> orgIds = new java.util.ArrayList<>();
			organisations.forEach(row -> orgIds.add(row.getCell(1).getStringCellValue()));
			assertThat(orgIds).contains("jixi-0001", "jixi-0002", "jixi-0003");
		}
	}

	@Test
	void aUnionAdminsWorkbookHoldsTheirRowAndTheirTotalOnly() throws Exception {
		try (XSSFWorkbook workbook = xlsx(Admin.ofUnion(tokens, "jixi"), "")) {
			Sheet table = workbook.getSheet(AllocationWorkbook.TABLE_SHEET);
			assertThat(table.getRow(4).getCell(1).getStringCellValue()).isEqualTo("鸡西市");
			assertThat(table.getRow(5).getCell(1).getStringCellValue()).isEqualTo("合计");
			assertThat(table.getRow(5).getCell(5).getNumericCellValue()).isEqualTo(700);
			assertThat(table.getLastRowNum()).isEqualTo(5);
			Sheet organisations = workbook.getSheet("基层组织明细");
			organisations.forEach(row -> assertThat(row.getCell(0).getStringCellValue()).isIn("市（地）、产业工会", "鸡西市"));
		}
	}

	@Test
	void theCsvHasTheTableAndGuardsCellsAgainstFormulas() {
		String csv = get("/api/admin/exports/progress.csv?campaignId=demo", Admin.province(tokens));
		assertThat(csv).startsWith("\uFEFF序号,市（地）、产业工会,基层工会组织分配数");
		assertThat(csv).contains("\r\n6,鸡西市,2,3,1.5000,700,2,0.0029,1,18,2\r\n").contains(",合计,40,");

		String organisations = get("/api/admin/exports/organisations.csv?campaignId=demo", Admin.province(tokens));
		assertThat(organisations).contains("'=HYPERLINK(\"\"http://evil\"\")").doesNotContain(",=HYPERLINK");
		assertThat(organisations).contains("jixi,鸡西市,jixi-0003,鸡西市示例基层工会3（演示数据）,0,0,1,18");
	}

	@Test
	void aUnionsBriefSaysWhatItReachedAgainstItsTargets() {
		String brief = get("/api/admin/exports/brief?campaignId=demo", Admin.ofUnion(tokens, "jixi"));

		assertThat(brief).startsWith("鸡西市工会 ")
			.contains("共有 3 个基层工会组织开展活动，完成分配目标（2 个）的 150.00%")
			.contains("覆盖职工网民 2 人，完成分配目标（700 人）的 0.29%")
			.contains("线下活动 1 次，参与职工 18 人次")
			.contains("个人信息保护 100.00%");
	}

	private XSSFWorkbook xlsx(String token, String query) throws Exception {
		byte[] bytes = web.get().uri("/api/admin/exports/progress.xlsx?campaignId=demo" + query)
			.headers(h -> h.setBearerAuth(token)).exchange()
			.expectStatus().isOk()
			.expectHeader().contentType(ExportController.XLSX)
			.expectBody(byte[].class).returnResult().getResponseBody();
		return new XSSFWorkbook(new ByteArrayInputStream(bytes));
	}

	private String get(String uri, String token) {
		return new String(web.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange()
			.expectStatus().isOk()
			.expectBody(byte[].class).returnResult().getResponseBody(), StandardCharsets.UTF_8);
	}

	private static List<String> texts(Row row, int cells) {
		List<String> texts = new java.util.ArrayList<>();
		for (int c = 0; c < cells; c++) {
			texts.add(row.getCell(c).getStringCellValue());
		}
		return texts;
	}

	private static AnswerSubmitted answer(String union, String org, LocalDate day) {
		return new AnswerSubmitted(UUID.randomUUID(), Instant.now(), Campaigns.DEMO_ID, 1, UUID.randomUUID(),
				UUID.randomUUID(), union, org, day, List.of(new QuestionResult("pipl-001", "PERSONAL_INFORMATION", true)),
				1, 1, 20_000);
	}
}
