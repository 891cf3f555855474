package org.netsecweek.reporting.report;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Predicate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.reporting.access.UnionAccess;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "progress and report", description = "Each union's progress against the allocation table, and the "
		+ "report frozen at the deadline")
class ReportController {

	private final Reports reports;

	private final Campaigns campaigns;

	ReportController(Reports reports, Campaigns campaigns) {
		this.reports = reports;
		this.campaigns = campaigns;
	}

	@GetMapping("/api/admin/progress")
	@Operation(summary = "Live progress: organisations active and workers covered per union against the targets, "
			+ "per day, quiz accuracy per category (and per question with questions=true), offline activities, "
			+ "draws; a union admin sees their own union only")
	@ApiResponse(responseCode = "403", description = "another union's progress (other-union)")
	@ApiResponse(responseCode = "404", description = "unknown campaign (unknown-campaign)")
	Mono<Report> progress(@RequestParam(required = false) String campaignId,
			@RequestParam(required = false) String unionId,
			@Parameter(description = "include the accuracy of every question (categories are always included)")
			@RequestParam(defaultValue = "false") boolean questions, @AuthenticationPrincipal Jwt jwt) {
		Caller caller = Caller.of(jwt);
		return campaign(campaignId).flatMap(campaign -> {
			Predicate<String> visible = visible(caller, unionId);
			return reports.live(campaign)
				.map(report -> report.visibleTo(visible))
				.map(report -> questions ? report : report.withoutQuestions());
		});
	}

	@GetMapping("/api/admin/report")
	@Operation(summary = "The report frozen at the deadline (the one every union sends by 10:00 on the 12th); "
			+ "header X-Report-SHA256 is the hash of the whole snapshot")
	@ApiResponse(responseCode = "403", description = "another union's report (other-union)")
	@ApiResponse(responseCode = "404", description = "not frozen yet (report-not-frozen), or unknown campaign")
	Mono<ResponseEntity<Report>> report(@RequestParam(required = false) String campaignId,
			@RequestParam(required = false) String unionId, @AuthenticationPrincipal Jwt jwt) {
		Caller caller = Caller.of(jwt);
		return campaign(campaignId).flatMap(campaign -> {
			Predicate<String> visible = visible(caller, unionId);
			return reports.snapshot(campaign.id())
				.switchIfEmpty(Mono.error(ReportNotFrozen::new))
				.map(snapshot -> ResponseEntity.ok()
					.header("X-Report-SHA256", snapshot.sha256())
					.body(CanonicalJson.read(snapshot.content()).visibleTo(visible)));
		});
	}

	@GetMapping(path = "/api/admin/report/snapshot", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The snapshot's exact bytes (canonical JSON), whose SHA-256 is X-Report-SHA256; "
			+ "province admins only")
	@ApiResponse(responseCode = "403", description = "not a province admin (province-only)")
	@ApiResponse(responseCode = "404", description = "not frozen yet (report-not-frozen)")
	Mono<ResponseEntity<byte[]>> snapshotBytes(@RequestParam(required = false) String campaignId,
			@AuthenticationPrincipal Jwt jwt) {
		UnionAccess.requireProvince(Caller.of(jwt));
		return campaign(campaignId).flatMap(campaign -> reports.snapshot(campaign.id()))
			.switchIfEmpty(Mono.error(ReportNotFrozen::new))
			.map(snapshot -> ResponseEntity.ok()
				.header("X-Report-SHA256", snapshot.sha256())
				.contentType(MediaType.APPLICATION_JSON)
				.body(snapshot.content().getBytes(StandardCharsets.UTF_8)));
	}

	@PostMapping("/api/admin/report/snapshot")
	@Operation(summary = "Freezes the report now, after the deadline (the scheduler does it by itself); "
			+ "a second call answers the first snapshot; province admins only")
	@ApiResponse(responseCode = "403", description = "not a province admin (province-only)")
	@ApiResponse(responseCode = "409", description = "the deadline has not passed (deadline-not-reached)")
	Mono<Map<String, Object>> freeze(@RequestParam(required = false) String campaignId,
			@AuthenticationPrincipal Jwt jwt) {
		Caller caller = Caller.of(jwt);
		UnionAccess.requireProvince(caller);
		return campaign(campaignId).flatMap(campaign -> reports.freeze(campaign, caller.subject()))
			.map(ReportController::summary);
	}

	@PostMapping("/api/admin/report/snapshot/verification")
	@Operation(summary = "Counts the snapshot again from the facts with its cut-off and says whether the bytes "
			+ "are identical; province admins only")
	@ApiResponse(responseCode = "403", description = "not a province admin (province-only)")
	@ApiResponse(responseCode = "404", description = "not frozen yet (report-not-frozen)")
	Mono<Map<String, Object>> verify(@RequestParam(required = false) String campaignId,
			@AuthenticationPrincipal Jwt jwt) {
		UnionAccess.requireProvince(Caller.of(jwt));
		return campaign(campaignId).flatMap(reports::regenerate)
			.map(regenerated -> Map.of("campaignId", regenerated.stored().campaignId(), "storedSha256",
					regenerated.stored().sha256(), "regeneratedSha256", regenerated.sha256(), "identical",
					regenerated.identical()));
	}

	private static Map<String, Object> summary(Snapshot snapshot) {
		return Map.of("campaignId", snapshot.campaignId(), "asOf", snapshot.asOf().toString(), "sha256",
				snapshot.sha256(), "generatedAt", snapshot.generatedAt().toString(), "generatedBy",
				snapshot.generatedBy());
	}

	/** A union admin sees their own union; a requested union must be one the caller may see (403 otherwise). */
	private static Predicate<String> visible(Caller caller, String unionId) {
		if (unionId != null) {
			UnionAccess.require(caller, unionId);
			return unionId::equals;
		}
		return caller::mayAccessUnion;
	}

	private Mono<CampaignDefinition> campaign(String campaignId) {
		return Mono.fromSupplier(() -> campaigns.namedOrActive(campaignId));
	}
}
