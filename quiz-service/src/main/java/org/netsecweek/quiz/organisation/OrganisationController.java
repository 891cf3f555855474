package org.netsecweek.quiz.organisation;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.platform.problem.DomainProblem;
import org.netsecweek.platform.security.Caller;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "organisations", description = "The directory of grassroots union organisations")
class OrganisationController {

	private final Organisations organisations;

	private final Campaigns campaigns;

	OrganisationController(Organisations organisations, Campaigns campaigns) {
		this.organisations = organisations;
		this.campaigns = campaigns;
	}

	@GetMapping("/api/organisations")
	@Operation(summary = "The grassroots organisations of a union, to choose from at registration")
	Mono<List<Organisation>> of(@RequestParam String unionId) {
		return organisations.of(unionId).collectList();
	}

	@PostMapping(path = "/api/admin/organisations/import", consumes = { "text/csv", "text/plain" })
	@Operation(summary = "Import a directory CSV (union_id,org_id,name): preview what changes, or apply it",
			description = "A union admin may import only their own union's rows. A file with any problem is refused "
					+ "whole with every problem by row and column; apply changes nothing then.")
	@ApiResponse(responseCode = "200", description = "Preview, or applied")
	@ApiResponse(responseCode = "422", description = "Problems; nothing changed",
			content = @Content(mediaType = "application/problem+json"))
	Mono<ImportResult> importCsv(@AuthenticationPrincipal Jwt jwt,
			@Parameter(description = "preview (default) or apply") @RequestParam(defaultValue = "preview") String mode,
			@RequestBody String csv) {
		Caller caller = Caller.of(jwt);
		var campaign = campaigns.active();
		var parsed = DirectoryCsv.parse(csv, union -> campaign.union(union).isPresent(), caller::mayAccessUnion);
		if (!parsed.problems().isEmpty()) {
			return Mono.error(new DomainProblem(HttpStatus.UNPROCESSABLE_CONTENT, "directory-has-problems", "名录文件有误",
					"文件有 " + parsed.problems().size() + " 处问题，未导入任何内容；请按行修改后重新上传。",
					Map.of("errors", parsed.problems())));
		}
		List<Organisation> rows = parsed.organisations();
		return organisations.existing(rows.stream().map(Organisation::id).toList()).flatMap(stored -> {
			List<String> added = rows.stream().filter(o -> !stored.containsKey(o.id())).map(Organisation::id).toList();
			List<String> changed = rows.stream()
				.filter(o -> stored.containsKey(o.id()) && !stored.get(o.id()).equals(o))
				.map(Organisation::id)
				.toList();
			ImportResult result = new ImportResult("apply".equals(mode), rows.size(), added, changed);
			return result.applied() ? organisations.upsert(rows).thenReturn(result) : Mono.just(result);
		});
	}

	/**
	 * @param applied whether the directory was changed ({@code false} for a preview)
	 * @param rows rows read
	 * @param added ids of organisations the file adds
	 * @param changed ids of organisations whose union or name it changes
	 */
	record ImportResult(boolean applied, int rows, List<String> added, List<String> changed) {
	}
}
