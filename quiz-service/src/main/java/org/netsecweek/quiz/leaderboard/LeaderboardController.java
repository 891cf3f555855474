package org.netsecweek.quiz.leaderboard;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.platform.problem.DomainProblem;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "leaderboard", description = "积分排行榜: masked names, opt-out honoured")
class LeaderboardController {

	private static final int SIZE = 10;

	private final Leaderboards leaderboards;

	private final Campaigns campaigns;

	LeaderboardController(Leaderboards leaderboards, Campaigns campaigns) {
		this.leaderboards = leaderboards;
		this.campaigns = campaigns;
	}

	@GetMapping("/api/leaderboard")
	@Operation(summary = "The worker's leaderboard: the top 10 of their union (scope=union) or the province "
			+ "(scope=province, with each union's average points), and the worker's own place")
	@ApiResponse(responseCode = "400", description = "Unknown scope", content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "403", description = "Not registered yet, or not a worker",
			content = @Content(mediaType = "application/problem+json"))
	Mono<Leaderboard> board(@AuthenticationPrincipal Jwt jwt, @RequestParam(defaultValue = "union") String scope) {
		UUID worker = Caller.of(jwt).workerId();
		if (!scope.equals("union") && !scope.equals("province")) {
			throw new DomainProblem(HttpStatus.BAD_REQUEST, "unknown-scope", "排行榜范围有误",
					"scope 只能是 union（本工会）或 province（全省）。");
		}
		CampaignDefinition campaign = campaigns.active();
		return leaderboards.unionOf(worker)
			.switchIfEmpty(Mono.error(() -> new DomainProblem(HttpStatus.FORBIDDEN, "not-registered", "请先登记",
					"请先完成登记（选择工会和基层组织），再查看排行榜。")))
			.flatMap(union -> {
				String filter = scope.equals("union") ? union : null;
				Mono<List<Leaderboard.UnionAverage>> unions = filter == null ? leaderboards.unions(campaign)
						: Mono.just(List.of());
				return Mono.zip(leaderboards.top(campaign, filter, SIZE), leaderboards.me(campaign.id(), worker, filter),
						unions)
					.map(board -> new Leaderboard(scope,
							filter == null ? "全省" : campaign.union(union).map(CampaignDefinition.Union::name).orElse(""),
							board.getT1(), board.getT2(), board.getT3()));
			});
	}

	@PutMapping("/api/me/leaderboard")
	@Operation(summary = "Show or hide the worker on the leaderboards (shown by default; the name is always masked)")
	@ApiResponse(responseCode = "400", description = "shown missing", content = @Content(mediaType = "application/problem+json"))
	Mono<Visibility> visibility(@AuthenticationPrincipal Jwt jwt, @RequestBody @Valid Visibility visibility) {
		UUID worker = Caller.of(jwt).workerId();
		return leaderboards.show(worker, visibility.shown()).thenReturn(visibility);
	}

	@GetMapping("/api/admin/leaderboard")
	@Operation(summary = "A union's or the province's top workers with masked names (a union admin: their union)")
	@ApiResponse(responseCode = "403", description = "Another union", content = @Content(mediaType = "application/problem+json"))
	Mono<Leaderboard> admin(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String unionId,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
		Caller caller = Caller.of(jwt);
		String union = caller.role() == Role.UNION_ADMIN ? caller.unionId() : unionId;
		if (unionId != null && !caller.mayAccessUnion(unionId)) {
			throw new DomainProblem(HttpStatus.FORBIDDEN, "other-union", "无权查看", "只能查看本工会的排行榜。");
		}
		CampaignDefinition campaign = campaigns.active();
		return Mono.zip(leaderboards.top(campaign, union, size), leaderboards.unions(campaign))
			.map(board -> new Leaderboard(union == null ? "province" : "union",
					union == null ? "全省" : campaign.union(union).map(CampaignDefinition.Union::name).orElse(""),
					board.getT1(), null, board.getT2()));
	}

	/** Whether the worker appears on the leaderboards. */
	record Visibility(@NotNull(message = "请说明是否在排行榜上显示（shown: true 或 false）") Boolean shown) {
	}
}
