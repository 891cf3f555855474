package org.netsecweek.scoring.adjustment;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Manual point adjustments by union and province admins, with who, when and why kept in the ledger. */
@RestController
@Tag(name = "adjustments", description = "Admins' manual point adjustments, audited")
class AdjustmentController {

	private final Adjustments adjustments;

	private final Campaigns campaigns;

	AdjustmentController(Adjustments adjustments, Campaigns campaigns) {
		this.adjustments = adjustments;
		this.campaigns = campaigns;
	}

	@PostMapping("/api/admin/adjustments")
	@Operation(summary = "Add or take away points, with a reason",
			description = "`adjustmentId` is the idempotency key: a repeat of the same request answers 200 with the "
					+ "first result. A union admin may adjust only their own union's workers. The total may never "
					+ "fall below the points the worker already spent on draws.")
	@ApiResponse(responseCode = "201", description = "Made")
	@ApiResponse(responseCode = "200", description = "A repeat: the first result")
	@ApiResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "403", description = "Another union's worker", content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "404", description = "No points recorded for the worker, or unknown campaign",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "409", description = "Below the points spent on draws, or the adjustmentId was used "
			+ "for another adjustment", content = @Content(mediaType = "application/problem+json"))
	Mono<ResponseEntity<Adjustment>> make(@AuthenticationPrincipal Jwt jwt, @RequestBody @Valid Request request) {
		CampaignDefinition campaign = campaigns.namedOrActive(request.campaignId());
		return adjustments
			.make(campaign, Caller.of(jwt), request.adjustmentId(), request.workerId(), request.points(),
					request.reason().strip())
			.map(made -> ResponseEntity.status(made.created() ? HttpStatus.CREATED : HttpStatus.OK)
				.body(made.adjustment()));
	}

	@GetMapping("/api/admin/adjustments")
	@Operation(summary = "The adjustments of a campaign, newest first (a union admin sees their union's)")
	Mono<List<Adjustment>> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String campaignId,
			@RequestParam(required = false) UUID workerId) {
		Caller caller = Caller.of(jwt);
		CampaignDefinition campaign = campaigns.namedOrActive(campaignId);
		return adjustments
			.list(campaign.id(), workerId, caller.role() == Role.UNION_ADMIN ? caller.unionId() : null,
					campaign.rules().pointsPerDraw())
			.collectList();
	}

	/**
	 * An adjustment request.
	 *
	 * @param adjustmentId chosen by the client, once per intended adjustment (the idempotency key)
	 * @param campaignId the campaign; the running one when absent
	 * @param points points to add, or to take away when negative; not zero
	 * @param reason why, kept in the ledger and shown to the worker
	 */
	record Request(@NotNull(message = "请提供调整编号 adjustmentId") UUID adjustmentId, String campaignId,
			@NotNull(message = "请提供职工编号 workerId") UUID workerId,
			@NotNull(message = "请填写调整分数") @Min(value = -1000, message = "单次调整不能少于 -1000 分")
			@Max(value = 1000, message = "单次调整不能超过 1000 分") Integer points,
			@NotBlank(message = "请填写调整理由") @Size(max = 500, message = "理由不能超过500字") String reason) {

		@AssertTrue(message = "调整分数不能为 0：请填写要增加（正数）或扣减（负数）的分数")
		boolean isNotZero() {
			return points == null || points != 0;
		}
	}
}
