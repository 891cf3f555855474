package org.netsecweek.quiz.bank;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.netsecweek.platform.problem.DomainProblem;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "question-bank", description = "The question bank with its keys: list, export and import (province admins)")
class QuestionBankController {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final String PROBLEM = "application/problem+json";

	private static final String INVALID_FILE_EXAMPLE = """
			{"type": "urn:problem-type:netsec-week:invalid-question-bank-file", "title": "题库文件有误", "status": 422,
			 "detail": "文件中有 2 处问题（见 errors），题库没有任何改动。请逐条修改后重新导入。",
			 "instance": "/api/admin/questions/import", "code": "invalid-question-bank-file",
			 "errors": [{"row": 5, "column": "category", "message": "未知的分类 \\"FOO\\"（可选：…）"},
			            {"row": 7, "column": "id", "message": "题号 \\"pipl-001\\" 与第2行重复"}]}""";

	private final Questions questions;

	private final BankImport bankImport;

	private final BankSettings settings;

	QuestionBankController(Questions questions, BankImport bankImport, BankSettings settings) {
		this.questions = questions;
		this.bankImport = bankImport;
		this.settings = settings;
	}

	@GetMapping("/api/admin/questions")
	@Operation(summary = "The bank's questions with their keys, all or one category's, in the bank's order")
	@ApiResponse(responseCode = "200", description = "The questions and the bank's version")
	@ApiResponse(responseCode = "400", description = "Unknown category", content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "403", description = "Not a province admin", content = @Content(mediaType = PROBLEM))
	Mono<QuestionList> list(@AuthenticationPrincipal Jwt jwt,
			@Parameter(description = "PERSONAL_INFORMATION, CYBERSECURITY_LAW, DATA_SECURITY_LAW, CII_REGULATIONS or "
					+ "EVERYDAY; all categories when absent") @RequestParam(required = false) String category) {
		provinceAdmin(jwt);
		String wanted = category == null || category.isBlank() ? null
				: Category.named(category)
					.orElseThrow(() -> new DomainProblem(HttpStatus.BAD_REQUEST, "unknown-category", "分类不存在",
							"可选的分类：" + Category.listed() + "。"))
					.name();
		return questions.load()
			.map(bank -> new QuestionList(bank.version(), bank.active()
				.stream()
				.filter(q -> wanted == null || q.category().equals(wanted))
				.map(AdminQuestion::of)
				.toList()));
	}

	@GetMapping("/api/admin/questions/export")
	@Operation(summary = "The whole bank as a file: CSV (UTF-8 with BOM, opens in Excel) or XLSX",
			description = "Columns: id, category, type, stem, option_A … option_F, answer (keys joined by |), "
					+ "explanation, basis. True/false questions leave the options empty (always T 正确, F 错误). "
					+ "Importing the file unchanged changes nothing.")
	@ApiResponse(responseCode = "200", description = "The file, as an attachment",
			content = { @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary")) })
	@ApiResponse(responseCode = "400", description = "Unsupported format", content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "403", description = "Not a province admin", content = @Content(mediaType = PROBLEM))
	Mono<ResponseEntity<byte[]>> export(@AuthenticationPrincipal Jwt jwt,
			@Parameter(description = "csv or xlsx") @RequestParam(defaultValue = "csv") String format) {
		provinceAdmin(jwt);
		BankFileFormat fileFormat = BankFileFormat.of(format, null);
		return questions.load()
			.publishOn(Schedulers.boundedElastic())
			.map(bank -> ResponseEntity.ok()
				.contentType(fileFormat.mediaType())
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment()
							.filename("question-bank-v" + bank.version() + "." + fileFormat.extension())
							.build()
							.toString())
				.body(fileFormat.write(bank.active())));
	}

	@PostMapping("/api/admin/questions/import")
	@Operation(summary = "Import the bank from a CSV or XLSX file: preview the changes, or apply them",
			description = "The file is the request body (not multipart), in the export's columns; CSV in UTF-8 (with "
					+ "or without BOM) or GBK. mode=preview checks the file and reports what would be added, changed, "
					+ "left unchanged and removed, with every problem, and changes nothing. mode=apply replaces the "
					+ "whole bank in one transaction if there is no problem, else answers 422 listing every problem "
					+ "by row (the header is row 1) and column, and changes nothing. A question on a paper already "
					+ "shown today keeps its stem, type, options and answer until tomorrow; removing it is allowed "
					+ "(papers that show it still grade it).",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					description = "The file's bytes",
					content = { @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
							@Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary")),
							@Content(mediaType = "application/octet-stream",
									schema = @Schema(type = "string", format = "binary")) }))
	@ApiResponse(responseCode = "200", description = "The preview, or the applied changes",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportReport.class)))
	@ApiResponse(responseCode = "400", description = "No or an unsupported format, or an unknown mode",
			content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "403", description = "Not a province admin", content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "413", description = "File larger than netsec.quiz.bank.max-file-size (5 MB)",
			content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "422",
			description = "apply: the file has problems (errors: [{row, column, message}]); or the file is unreadable",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(value = INVALID_FILE_EXAMPLE)))
	Mono<ImportReport> importFile(@AuthenticationPrincipal Jwt jwt,
			@Parameter(description = "csv or xlsx; from the Content-Type when absent") @RequestParam(
					required = false) String format,
			@Parameter(description = "preview (default) or apply") @RequestParam(
					defaultValue = BankImport.PREVIEW) String mode,
			ServerHttpRequest request) {
		Caller caller = provinceAdmin(jwt);
		BankFileFormat fileFormat = BankFileFormat.of(format, request.getHeaders().getContentType());
		if (!mode.equals(BankImport.PREVIEW) && !mode.equals(BankImport.APPLY)) {
			throw new DomainProblem(HttpStatus.BAD_REQUEST, "unknown-import-mode", "导入方式不支持",
					"mode 须为 preview（预览）或 apply（导入）。");
		}
		int max = settings.maxQuestions();
		return BankFileUpload.read(request, settings.maxFileSize())
			.publishOn(Schedulers.boundedElastic())
			.map(bytes -> BankValidation.check(fileFormat.read(bytes, max), max))
			.flatMap(file -> mode.equals(BankImport.APPLY) ? bankImport.apply(file, caller.subject())
					: bankImport.preview(file));
	}

	private static Caller provinceAdmin(Jwt jwt) {
		Caller caller = Caller.of(jwt);
		if (caller.role() != Role.PROVINCE_ADMIN) {
			throw new ProvinceAdminsOnly();
		}
		return caller;
	}

	/** The bank as admins see it. */
	record QuestionList(long version, List<AdminQuestion> questions) {
	}

	/**
	 * A question with its key.
	 *
	 * @param answer the keys of the right options, sorted
	 */
	record AdminQuestion(String id, String category, QuestionType type, String stem, List<Option> options,
			List<String> answer, String explanation, String basis) {

		static AdminQuestion of(Question q) {
			return new AdminQuestion(q.id(), q.category(), q.type(), q.stem(),
					q.options().entrySet().stream().map(e -> new Option(e.getKey(), e.getValue())).toList(),
					q.answer().stream().sorted().toList(), q.explanation(), q.basis());
		}
	}

	/** An option; keys are A–F, or T and F for true/false questions. */
	record Option(String key, String text) {
	}
}
