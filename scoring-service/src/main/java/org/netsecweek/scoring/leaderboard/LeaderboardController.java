package org.netsecweek.scoring.leaderboard;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.platform.problem.DomainProblem;
import org.netsecweek.platform.security.Caller;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Pseudonymous rankings for admins and operations (workers see the named boards in quiz-service). */
@RestController
@Tag(name = "leaderboards", description = "Rankings by points (pseudonymous worker ids) and union averages")
class LeaderboardController {

	private final Leaderboards leaderboards;

	private final Campaigns campaigns;

	LeaderboardController(Leaderboards leaderboards, Campaigns campaigns) {
		this.leaderboards = leaderboards;
		this.campaigns = campaigns;
	}

	@GetMapping("/api/admin/leaderboards/workers")
	@Operation(summary = "Top workers by points, province-wide or in one union (a union admin: their own union)")
	@ApiResponse(responseCode = "403", description = "Another union", content = @Content(mediaType = "application/problem+json"))
	Mono<List<Leaderboards.Ranked>> workers(@AuthenticationPrincipal Jwt jwt,
			@RequestParam(required = false) String campaignId, @RequestParam(required = false) String unionId,
			@RequestParam(defaultValue = "20") @Min(1) @Max(500) int limit) {
		Caller caller = Caller.of(jwt);
		String union = unionId == null ? caller.unionId() : unionId;
		if (union != null && !caller.mayAccessUnion(union) || union == null && caller.unionId() != null) {
			throw new DomainProblem(HttpStatus.FORBIDDEN, "other-union", "无权查看", "只能查看本工会的排行榜。");
		}
		return leaderboards.top(campaigns.namedOrActive(campaignId).id(), union, limit).collectList();
	}

	@GetMapping("/api/admin/leaderboards/unions")
	@Operation(summary = "Every union's workers with points, total points and average points per worker, best first")
	Mono<List<Leaderboards.UnionStanding>> unions(@RequestParam(required = false) String campaignId) {
		return leaderboards.unions(campaigns.namedOrActive(campaignId));
	}

}
