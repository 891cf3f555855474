package org.netsecweek.reporting.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Predicate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.platform.problem.DomainProblem;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import org.netsecweek.reporting.access.UnionAccess;
import org.netsecweek.reporting.activity.OrganisationDirectory;
import org.netsecweek.reporting.report.Report;
import org.netsecweek.reporting.report.Reports;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The report as files: XLSX in the allocation table's layout, CSV, a union's brief. The frozen snapshot once there
 * is one, otherwise live figures. Streamed: the workbook goes through a temporary file, the CSV row by row.
 */
@RestController
@Tag(name = "exports", description = "The report as XLSX (allocation table layout), CSV and a union's brief")
class ExportController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }; // so Excel reads UTF-8

	private final Reports reports;

	private final Campaigns campaigns;

	private final OrganisationRows organisations;

	private final OrganisationDirectory directory;

	ExportController(Reports reports, Campaigns campaigns, OrganisationRows organisations,
			OrganisationDirectory directory) {
		this.reports = reports;
		this.campaigns = campaigns;
		this.organisations = organisations;
		this.directory = directory;
	}

	@GetMapping("/api/admin/exports/progress.xlsx")
	@Operation(summary = "The report as an XLSX workbook in the allocation table's layout, with sheets per day, "
			+ "per category and per organisation; a union admin gets their own union")
	@ApiResponse(responseCode = "403", description = "another union (other-union)")
	Mono<ResponseEntity<Flux<DataBuffer>>> xlsx(@RequestParam(required = false) String campaignId,
			@RequestParam(required = false) String unionId, @AuthenticationPrincipal Jwt jwt) {
		Caller caller = Caller.of(jwt);
		String only = scope(caller, unionId);
		return campaign(campaignId).flatMap(campaign -> reports.current(campaign).flatMap(full -> {
			Report report = full.visibleTo(visible(caller, only));
			return Mono.fromCallable(() -> {
				Path file = Files.createTempFile("report-", ".xlsx");
				try (OutputStream out = Files.newOutputStream(file)) {
					AllocationWorkbook.write(report, organisations.of(campaign.id(), only).toIterable(),
							this::orgName, unionName(campaign), out);
				}
				catch (IOException | RuntimeException ex) {
					Files.deleteIfExists(file);
					throw ex;
				}
				return file;
			}).subscribeOn(Schedulers.boundedElastic()).map(file -> ResponseEntity.ok()
				.contentType(XLSX)
				.header(HttpHeaders.CONTENT_DISPOSITION, attachment(campaign, only, "xlsx"))
				.body(DataBufferUtils.read(file, DefaultDataBufferFactory.sharedInstance, 64 * 1024)
					.doFinally(signal -> delete(file))));
		}));
	}

	@GetMapping("/api/admin/exports/progress.csv")
	@Operation(summary = "The allocation table with actual figures and rates as CSV (UTF-8 with BOM)")
	@ApiResponse(responseCode = "403", description = "another union (other-union)")
	Mono<ResponseEntity<Flux<DataBuffer>>> csv(@RequestParam(required = false) String campaignId,
			@RequestParam(required = false) String unionId, @AuthenticationPrincipal Jwt jwt) {
		Caller caller = Caller.of(jwt);
		String only = scope(caller, unionId);
		return campaign(campaignId).flatMap(campaign -> reports.current(campaign)
			.map(full -> ResponseEntity.ok()
				.contentType(CSV)
				.header(HttpHeaders.CONTENT_DISPOSITION, attachment(campaign, only, "csv"))
				.body(Flux.just(BOM, TableCsv.table(full.visibleTo(visible(caller, only)))
					.getBytes(StandardCharsets.UTF_8)).map(DefaultDataBufferFactory.sharedInstance::wrap))));
	}

	@GetMapping("/api/admin/exports/organisations.csv")
	@Operation(summary = "Every grassroots organisation with activity as CSV, streamed row by row (live figures)")
	@ApiResponse(responseCode = "403", description = "another union (other-union)")
	Mono<ResponseEntity<Flux<DataBuffer>>> organisationsCsv(@RequestParam(required = false) String campaignId,
			@RequestParam(required = false) String unionId, @AuthenticationPrincipal Jwt jwt) {
		Caller caller = Caller.of(jwt);
		String only = scope(caller, unionId);
		return campaign(campaignId).map(campaign -> {
			Function<String, String> unionName = unionName(campaign);
			Flux<String> lines = Flux.concat(Flux.just(TableCsv.line(TableCsv.ORGANISATION_HEADER)),
					organisations.of(campaign.id(), only)
						.map(org -> TableCsv.organisation(org, unionName.apply(org.unionId()), orgName(org.orgId()))));
			return ResponseEntity.ok()
				.contentType(CSV)
				.header(HttpHeaders.CONTENT_DISPOSITION, attachment(campaign, only, "organisations.csv"))
				.body(Flux.concat(Flux.just(BOM), lines.map(line -> line.getBytes(StandardCharsets.UTF_8)))
					.map(DefaultDataBufferFactory.sharedInstance::wrap));
		});
	}

	@GetMapping(path = "/api/admin/exports/brief", produces = "text/plain;charset=UTF-8")
	@Operation(summary = "One union's brief report (简报) as text; a union admin's own union by default")
	@ApiResponse(responseCode = "400", description = "a province admin names no union (union-required)")
	@ApiResponse(responseCode = "403", description = "another union (other-union)")
	Mono<String> brief(@RequestParam(required = false) String campaignId,
			@RequestParam(required = false) String unionId, @AuthenticationPrincipal Jwt jwt) {
		Caller caller = Caller.of(jwt);
		String only = scope(caller, unionId);
		if (only == null) {
			throw new DomainProblem(HttpStatus.BAD_REQUEST, "union-required", "请选择工会", "简报按工会生成，请指定工会（unionId）。");
		}
		return campaign(campaignId).flatMap(campaign -> reports.current(campaign)
			.map(report -> report.unions().stream().filter(row -> row.unionId().equals(only)).findFirst()
				.map(row -> Brief.of(report, row))
				.orElseThrow(() -> new DomainProblem(HttpStatus.NOT_FOUND, "unknown-union", "工会不存在",
						"活动分配表中没有编号为 " + only + " 的工会。"))));
	}

	/** The one union the export is limited to, or {@code null} for all; 403 for another union. */
	private static String scope(Caller caller, String unionId) {
		if (unionId != null) {
			UnionAccess.require(caller, unionId);
			return unionId;
		}
		return caller.role() == Role.UNION_ADMIN ? caller.unionId() : null;
	}

	private static Predicate<String> visible(Caller caller, String only) {
		return only == null ? caller::mayAccessUnion : only::equals;
	}

	private String orgName(String orgId) {
		return directory.find(orgId).map(OrganisationDirectory.Organisation::name).orElse(orgId);
	}

	private static Function<String, String> unionName(CampaignDefinition campaign) {
		return id -> campaign.union(id).map(CampaignDefinition.Union::name).orElse(id);
	}

	private static String attachment(CampaignDefinition campaign, String unionId, String extension) {
		String name = campaign.id() + (unionId == null ? "" : "-" + unionId) + "-进度." + extension;
		return ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString();
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Mono<CampaignDefinition> campaign(String campaignId) {
		return Mono.fromSupplier(() -> campaigns.namedOrActive(campaignId));
	}
}
