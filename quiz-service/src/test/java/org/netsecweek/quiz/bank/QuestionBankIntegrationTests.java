package org.netsecweek.quiz.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import org.netsecweek.platform.security.Tokens;
import org.netsecweek.quiz.Phone;
import org.netsecweek.quiz.QuizIntegrationTest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/** The admin API of the bank, against the real database; its own context, so its imports touch no other test. */
@QuizIntegrationTest(properties = { "spring.config.name=quiz-service", "netsec.quiz.bank.refresh-interval=300ms" })
class QuestionBankIntegrationTests {

	private static final String IMPORT = "/api/admin/questions/import";

	@Autowired
	WebTestClient web;

	@Autowired
	Tokens tokens;

	@Autowired
	QuestionBank bank;

	@Autowired
	DatabaseClient db;

	@Autowired
	Questions questions;

	@Autowired
	ReactiveTransactionManager transactions;

	private final List<Question> shipped = QuestionBankFixture.shippedQuestions();

	@AfterEach
	void restoreTheShippedBank() {
		importFile(BankFileFormat.CSV.write(shipped), "csv", "apply").expectStatus().isOk();
	}

	@Test
	void exportsTheBankAsCsvAndXlsxAndImportingEitherBackChangesNothing() throws IOException {
		long version = bank.version();
		var csv = export("csv");
		csv.expectHeader().contentType("text/csv;charset=UTF-8")
			.expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, d -> assertThat(d)
				.isEqualTo("attachment; filename=\"question-bank-v" + version + ".csv\""));
		byte[] csvFile = csv.expectBody().returnResult().getResponseBody();
		assertThat(csvFile).startsWith(0xEF, 0xBB, 0xBF);
		assertThat(new String(csvFile, StandardCharsets.UTF_8).lines().toList())
			.startsWith("\uFEFFid,category,type,stem,option_A,option_B,option_C,option_D,option_E,option_F,answer,"
					+ "explanation,basis")
			.hasSize(shipped.size() + 1)
			.anySatisfy(line -> assertThat(line).startsWith("pi-daily-003,PERSONAL_INFORMATION,MULTIPLE,"));

		byte[] xlsxFile = export("xlsx").expectHeader()
			.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
			.expectHeader()
			.value(HttpHeaders.CONTENT_DISPOSITION, d -> assertThat(d).startsWith("attachment").endsWith(".xlsx\""))
			.expectBody()
			.returnResult()
			.getResponseBody();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsxFile))) {
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter cells = new DataFormatter();
			List<String> header = new ArrayList<>();
			sheet.getRow(0).forEach(cell -> header.add(cells.formatCellValue(cell)));
			assertThat(header).isEqualTo(BankColumns.ALL);
			Row multiple = sheet.getRow(1 + ids(shipped).indexOf("pi-daily-003"));
			assertThat(cells.formatCellValue(multiple.getCell(0))).isEqualTo("pi-daily-003");
			assertThat(cells.formatCellValue(multiple.getCell(3)))
				.isEqualTo(bank.find("pi-daily-003").orElseThrow().stem());
			assertThat(cells.formatCellValue(multiple.getCell(10))).isEqualTo("A|B|C");
		}

		for (var file : Map.of("csv", csvFile, "xlsx", xlsxFile).entrySet()) {
			JsonNode preview = report(importFile(file.getValue(), file.getKey(), "preview"));
			assertThat(preview.get("valid").asBoolean()).isTrue();
			assertThat(preview.get("unchanged").size()).isEqualTo(shipped.size());
			assertThat(preview.get("added").size() + preview.get("changed").size() + preview.get("removed").size())
				.isZero();
			JsonNode applied = report(importFile(file.getValue(), file.getKey(), "apply"));
			assertThat(applied.get("applied").asBoolean()).isFalse();
			assertThat(applied.get("version").asLong()).isEqualTo(version);
		}
		assertThat(bank.version()).isEqualTo(version);
	}

	@Test
	void aFileWithThreeProblemsIsRefusedWholeWithEachByRowAndColumnAndTheBankStaysAsItWas() {
		long version = bank.version();
		String file = header() + """
				new-ok,EVERYDAY,SINGLE,好题,甲,乙,,,,,A,解析,常识
				new-2,FOO,SINGLE,分类不对,甲,乙,,,,,A,解析,常识
				new-ok,EVERYDAY,SINGLE,题号重复,甲,乙,,,,,B,解析,常识
				new-4,EVERYDAY,SINGLE,答案不是选项,甲,乙,丙,丁,,,E,解析,常识
				""";

		JsonNode problem = Phone.read(importFile(file.getBytes(StandardCharsets.UTF_8), "csv", "apply")
			.expectStatus().isEqualTo(422)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().returnResult().getResponseBody());

		assertThat(problem.get("code").asString()).isEqualTo("invalid-question-bank-file");
		assertThat(problem.get("errors")).hasSize(3);
		assertThat(errors(problem)).containsExactly("3 category 未知的分类 \"FOO\"", "4 id 题号 \"new-ok\" 与第2行重复",
				"5 answer 答案 E 不在选项中");
		assertThat(bank.version()).isEqualTo(version);
		assertThat(bank.find("new-ok")).isEmpty();
		assertThat(count("SELECT count(*) AS n FROM question WHERE id LIKE 'new-%'")).isZero();

		JsonNode preview = report(importFile(file.getBytes(StandardCharsets.UTF_8), "csv", "preview"));
		assertThat(preview.get("valid").asBoolean()).isFalse();
		assertThat(preview.get("errors")).hasSize(3);
	}

	@Test
	void aPreviewShowsWhatWouldChangeAndChangesNothing() {
		long version = bank.version();
		List<Question> file = new ArrayList<>(shipped);
		file.removeIf(q -> q.id().equals("daily-003"));
		file.set(0, explained(file.get(0), "新的解析。"));
		file.add(fresh("fresh-preview"));

		JsonNode preview = report(importFile(BankFileFormat.XLSX.write(file), "xlsx", "preview"));

		assertThat(preview.get("mode").asString()).isEqualTo("preview");
		assertThat(texts(preview.get("added"))).containsExactly("fresh-preview");
		assertThat(texts(preview.get("changed"))).containsExactly("pipl-001");
		assertThat(texts(preview.get("removed"))).containsExactly("daily-003");
		assertThat(preview.get("unchanged")).hasSize(shipped.size() - 2);
		assertThat(preview.get("applied").asBoolean()).isFalse();
		assertThat(bank.version()).isEqualTo(version);
		assertThat(bank.find("fresh-preview")).isEmpty();
		assertThat(bank.find("pipl-001").orElseThrow().explanation()).isEqualTo(shipped.get(0).explanation());
	}

	@Test
	void anAppliedImportServesTheNextPapersWhilePapersShownEarlierStayAsTheyWere() {
		Phone early = Phone.signIn(web, "harbin", "harbin-0001");
		List<String> earlyPaper = Phone.ids(early.paper());
		long version = bank.version();
		List<Question> fresh = IntStream.rangeClosed(1, 12).mapToObj(i -> fresh("fresh-%02d".formatted(i))).toList();

		JsonNode applied = report(importFile(BankFileFormat.CSV.write(fresh), "csv", "apply"));

		assertThat(applied.get("applied").asBoolean()).isTrue();
		assertThat(applied.get("version").asLong()).isEqualTo(version + 1);
		assertThat(applied.get("added")).hasSize(12);
		assertThat(texts(applied.get("removed"))).containsExactlyInAnyOrderElementsOf(ids(shipped));
		assertThat(bank.version()).isEqualTo(version + 1);
		assertThat(admin("/api/admin/questions").get("questions")).hasSize(12);

		Phone late = Phone.signIn(web, "harbin", "harbin-0002");
		assertThat(Phone.ids(late.paper())).hasSize(10).allSatisfy(id -> assertThat(id).startsWith("fresh-"));

		assertThat(Phone.ids(early.paper())).isEqualTo(earlyPaper);
		JsonNode graded = Phone.read(early.submit(rightAnswers(earlyPaper), null).expectStatus().isCreated()
			.expectBody().returnResult().getResponseBody());
		assertThat(graded.get("correctCount").asInt()).isEqualTo(10);
	}

	@Test
	void aQuestionOnAPaperShownTodayKeepsItsKeyUntilTomorrowButMayBeRemoved() {
		Phone phone = Phone.signIn(web, "daqing", "daqing-0001");
		List<String> paper = Phone.ids(phone.paper());
		// a single-answer question, so that moving its key to another option is otherwise a valid change
		Question onPaper = shipped.stream()
			.filter(q -> paper.contains(q.id()) && q.type() != QuestionType.MULTIPLE)
			.findFirst()
			.orElseThrow();
		int row = 2 + shipped.indexOf(onPaper);
		String otherKey = onPaper.options().keySet().stream().filter(k -> !onPaper.answer().contains(k)).findFirst()
			.orElseThrow();
		List<Question> rekeyed = new ArrayList<>(shipped);
		rekeyed.set(shipped.indexOf(onPaper), new Question(onPaper.id(), onPaper.category(), onPaper.type(),
				onPaper.stem(), onPaper.options(), Set.of(otherKey), onPaper.explanation(), onPaper.basis()));

		JsonNode refused = Phone.read(importFile(BankFileFormat.CSV.write(rekeyed), "csv", "apply")
			.expectStatus().isEqualTo(422).expectBody().returnResult().getResponseBody());
		assertThat(refused.get("errors")).singleElement().satisfies(error -> {
			assertThat(error.get("row").asInt()).isEqualTo(row);
			assertThat(error.get("column").asString()).isEqualTo("answer");
			assertThat(error.get("message").asString()).contains("已在今天发出的试卷上");
		});
		assertThat(bank.find(onPaper.id()).orElseThrow().answer()).isEqualTo(onPaper.answer());

		List<Question> explained = new ArrayList<>(shipped);
		explained.set(shipped.indexOf(onPaper), explained(onPaper, "更清楚的解析。"));
		assertThat(texts(report(importFile(BankFileFormat.CSV.write(explained), "csv", "apply")).get("changed")))
			.containsExactly(onPaper.id());

		List<Question> without = new ArrayList<>(shipped);
		without.remove(onPaper);
		assertThat(texts(report(importFile(BankFileFormat.CSV.write(without), "csv", "apply")).get("removed")))
			.containsExactly(onPaper.id());
		assertThat(texts(admin("/api/admin/questions").get("questions").findValues("id"))).doesNotContain(onPaper.id());
		JsonNode graded = Phone.read(phone.submit(rightAnswers(paper), null).expectStatus().isCreated()
			.expectBody().returnResult().getResponseBody());
		assertThat(graded.get("correctCount").asInt()).isEqualTo(10);
		assertThat(graded.get("results").findParents("questionId").stream()
			.filter(r -> r.get("questionId").asString().equals(onPaper.id()))
			.findFirst()
			.orElseThrow()
			.get("explanation")
			.asString()).isEqualTo("更清楚的解析。");
	}

	@Test
	void listsTheQuestionsWithTheirKeysByCategory() {
		JsonNode list = admin("/api/admin/questions?category=personal_information");

		assertThat(list.get("version").asLong()).isEqualTo(bank.version());
		assertThat(list.get("questions"))
			.hasSize((int) shipped.stream().filter(q -> q.category().equals("PERSONAL_INFORMATION")).count())
			.allSatisfy(q -> {
			assertThat(q.get("category").asString()).isEqualTo("PERSONAL_INFORMATION");
			assertThat(q.get("answer")).isNotEmpty();
		});
		JsonNode multiple = list.get("questions").findParents("id").stream()
			.filter(q -> q.get("id").asString().equals("pi-daily-003")).findFirst().orElseThrow();
		assertThat(texts(multiple.get("answer"))).containsExactly("A", "B", "C");
		assertThat(multiple.get("options").get(0).get("key").asString()).isEqualTo("A");
		web.get().uri("/api/admin/questions?category=FOO").headers(h -> h.setBearerAuth(token(Role.PROVINCE_ADMIN)))
			.exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.code").isEqualTo("unknown-category");
	}

	@Test
	void onlyProvinceAdminsSeeOrChangeTheBank() {
		String worker = Phone.signIn(web, "harbin", "harbin-0003").token;
		String unionAdmin = token(Role.UNION_ADMIN);
		byte[] file = BankFileFormat.CSV.write(shipped);
		for (String token : List.of(worker, unionAdmin)) {
			web.get().uri("/api/admin/questions").headers(h -> h.setBearerAuth(token)).exchange()
				.expectStatus().isForbidden();
			web.get().uri("/api/admin/questions/export?format=xlsx").headers(h -> h.setBearerAuth(token)).exchange()
				.expectStatus().isForbidden();
			web.post().uri(IMPORT + "?format=csv&mode=apply").headers(h -> h.setBearerAuth(token))
				.contentType(MediaType.parseMediaType("text/csv")).bodyValue(file).exchange()
				.expectStatus().isForbidden()
				.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
		web.get().uri("/api/admin/questions").headers(h -> h.setBearerAuth(unionAdmin)).exchange()
			.expectBody().jsonPath("$.code").isEqualTo("province-admins-only");
		web.get().uri("/api/admin/questions").exchange().expectStatus().isUnauthorized();
		web.get().uri("/api/admin/questions").headers(h -> h.setBearerAuth(token(Role.PROVINCE_ADMIN))).exchange()
			.expectStatus().isOk();
		web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody(String.class)
			.value(docs -> assertThat(docs).contains("/api/admin/questions/import", "/api/admin/questions/export",
					"application/problem+json", "invalid-question-bank-file"));
	}

	@Test
	void tooLargeGarbledOrUnnamedFilesAreProblemsNeverServerErrors() {
		byte[] tooLarge = new byte[5 * 1024 * 1024 + 1];
		importFile(tooLarge, "csv", "preview").expectStatus().isEqualTo(413)
			.expectBody().jsonPath("$.code").isEqualTo("question-bank-file-too-large")
			.jsonPath("$.detail").isEqualTo("题库文件不能超过 5 MB。");
		Flux<DataBuffer> streamed = Flux.range(0, 6)
			.map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[1024 * 1024]));
		web.post().uri(IMPORT + "?format=csv").headers(h -> h.setBearerAuth(token(Role.PROVINCE_ADMIN)))
			.contentType(MediaType.APPLICATION_OCTET_STREAM).body(streamed, DataBuffer.class).exchange()
			.expectStatus().isEqualTo(413);

		importFile("PK\u0003\u0004 not a workbook".getBytes(StandardCharsets.UTF_8), "xlsx", "apply")
			.expectStatus().isEqualTo(422)
			.expectBody().jsonPath("$.code").isEqualTo("unreadable-question-bank-file");
		JsonNode noHeader = Phone.read(importFile("hello\nworld\n".getBytes(StandardCharsets.UTF_8), "csv", "apply")
			.expectStatus().isEqualTo(422).expectBody().returnResult().getResponseBody());
		assertThat(noHeader.get("errors").findValues("row")).allSatisfy(row -> assertThat(row.asInt()).isEqualTo(1));
		importFile(new byte[] { 1, 2, 3 }, "pdf", "preview").expectStatus().isBadRequest()
			.expectBody().jsonPath("$.code").isEqualTo("unsupported-question-bank-file-format");
		web.post().uri(IMPORT).headers(h -> h.setBearerAuth(token(Role.PROVINCE_ADMIN)))
			.contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(new byte[] { 1 }).exchange()
			.expectStatus().isBadRequest();
		importFile(BankFileFormat.CSV.write(shipped), "csv", "delete").expectStatus().isBadRequest()
			.expectBody().jsonPath("$.code").isEqualTo("unknown-import-mode");
	}

	@Test
	void aPaperFirstShownWhileAnotherInstanceImportsWaitsAndIsDrawnFromTheNewBank() throws Exception {
		List<Question> fresh = IntStream.rangeClosed(1, 12).mapToObj(i -> fresh("other-%02d".formatted(i))).toList();
		Set<String> freshIds = Set.copyOf(ids(fresh));
		CompletableFuture<List<String>> paper = new CompletableFuture<>();
		// another instance's import, caught between taking the bank's lock and committing
		Mono<Long> importing = questions.lockExclusive()
			.then(questions.replace(fresh, freshIds, "another instance", Instant.now()))
			.flatMap(version -> Mono.fromCallable(() -> {
				CompletableFuture.runAsync(() -> paper.complete(Phone.ids(Phone.signIn(web, "harbin", "harbin-0001")
					.paper())));
				await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) AS n FROM pg_locks "
						+ "WHERE locktype = 'advisory' AND NOT granted") > 0);
				assertThat(paper).isNotDone();
				return version;
			}).subscribeOn(Schedulers.boundedElastic()));

		long version = TransactionalOperator.create(transactions).transactional(importing).block();

		assertThat(paper.get(20, TimeUnit.SECONDS)).hasSize(10).allSatisfy(id -> assertThat(id).startsWith("other-"));
		assertThat(bank.version()).isEqualTo(version);
	}

	@Test
	void anImportMadeOnAnotherInstanceIsPickedUpWithinTheRefreshInterval() {
		long version = bank.version();
		// what another instance's import leaves in the shared database
		db.sql("INSERT INTO question (id, position, category, type, stem, option_keys, option_texts, answer, "
				+ "explanation, basis, updated_at) VALUES ('elsewhere', 99, 'EVERYDAY', 'TRUE_FALSE', '对吗？', "
				+ "'{T,F}', '{正确,错误}', '{T}', '因为。', '常识', now())")
			.then()
			.then(db.sql("UPDATE question_bank SET version = version + 1").then())
			.block();

		await().atMost(Duration.ofSeconds(10)).until(() -> bank.find("elsewhere").isPresent());
		assertThat(bank.version()).isEqualTo(version + 1);
		assertThat(bank.questions("EVERYDAY")).extracting(Question::id).contains("elsewhere");
	}

	private WebTestClient.ResponseSpec export(String format) {
		return web.get().uri("/api/admin/questions/export?format=" + format)
			.headers(h -> h.setBearerAuth(token(Role.PROVINCE_ADMIN)))
			.exchange()
			.expectStatus().isOk();
	}

	private WebTestClient.ResponseSpec importFile(byte[] file, String format, String mode) {
		return web.post().uri(IMPORT + "?format={format}&mode={mode}", format, mode)
			.headers(h -> h.setBearerAuth(token(Role.PROVINCE_ADMIN)))
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.bodyValue(file)
			.exchange();
	}

	private JsonNode report(WebTestClient.ResponseSpec response) {
		return Phone.read(response.expectStatus().isOk().expectBody().returnResult().getResponseBody());
	}

	private JsonNode admin(String uri) {
		return Phone.read(web.get().uri(uri).headers(h -> h.setBearerAuth(token(Role.PROVINCE_ADMIN))).exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody());
	}

	private String token(Role role) {
		return tokens.issue(new Caller("province", role, role == Role.UNION_ADMIN ? "harbin" : null)).token();
	}

	private Map<String, List<String>> rightAnswers(List<String> paper) {
		Map<String, List<String>> answers = new HashMap<>();
		paper.forEach(id -> answers.put(id, bank.find(id).orElseThrow().answer().stream().sorted().toList()));
		return answers;
	}

	private long count(String sql) {
		return db.sql(sql).map(row -> ((Number) row.get("n")).longValue()).one().block();
	}

	private static String header() {
		return String.join(",", BankColumns.ALL) + "\n";
	}

	private static List<String> errors(JsonNode problem) {
		List<String> errors = new ArrayList<>();
		problem.get("errors").forEach(e -> errors.add(e.get("row").asInt() + " " + e.get("column").asString() + " "
				+ e.get("message").asString().replaceAll("（.*", "")));
		return errors;
	}

	private static List<String> texts(Iterable<JsonNode> nodes) {
		List<String> texts = new ArrayList<>();
		nodes.forEach(node -> texts.add(node.asString()));
		return texts;
	}

	private static List<String> ids(List<Question> questions) {
		return questions.stream().map(Question::id).toList();
	}

	private static Question fresh(String id) {
		Map<String, String> options = new LinkedHashMap<>();
		options.put("A", "甲");
		options.put("B", "乙");
		options.put("C", "丙");
		return new Question(id, "EVERYDAY", QuestionType.SINGLE, "新题 " + id + "：选哪个？", options, Set.of("C"), "选丙。",
				"常识");
	}

	private static Question explained(Question q, String explanation) {
		return new Question(q.id(), q.category(), q.type(), q.stem(), q.options(), q.answer(), explanation, q.basis());
	}
}
