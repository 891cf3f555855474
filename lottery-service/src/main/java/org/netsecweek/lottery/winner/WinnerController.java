package org.netsecweek.lottery.winner;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "winners", description = "Prizes won, with redemption codes, and their hand-over (admins)")
class WinnerController {

	private static final String PROBLEM = "application/problem+json";

	private final Winners winners;

	private final PrizeDelivery delivery;

	private final Campaigns campaigns;

	WinnerController(Winners winners, PrizeDelivery delivery, Campaigns campaigns) {
		this.winners = winners;
		this.delivery = delivery;
		this.campaigns = campaigns;
	}

	@GetMapping("/api/admin/winners")
	@Operation(summary = "A page of a campaign's prize draws (the running campaign unless one is named), in the order "
			+ "they were won: pseudonymous worker, union, org, prize, value, redemption code, hand-over",
			description = "Union admins see their own union (unionId may be omitted); province admins all unions or "
					+ "one. Names and phones are in quiz-service's delivery list, joined by drawId.")
	@ApiResponse(responseCode = "200", description = "The page")
	@ApiResponse(responseCode = "400", description = "page below 0 or size not 1–200", content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "403", description = "other-union: another union's winners", content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "404", description = "unknown-campaign", content = @Content(mediaType = PROBLEM))
	Mono<WinnerPage> winners(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String campaignId,
			@RequestParam(required = false) String unionId, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		Caller caller = Caller.of(jwt);
		String campaign = campaigns.namedOrActive(campaignId).id();
		String union = caller.role() == Role.UNION_ADMIN && unionId == null ? caller.unionId() : unionId;
		if (union != null && !caller.mayAccessUnion(union) || caller.role() == Role.UNION_ADMIN && union == null) {
			return Mono.error(new OtherUnion());
		}
		if (page < 0 || size < 1 || size > 200) {
			return Mono.error(new InvalidPage());
		}
		return Mono.zip(winners.page(campaign, union, page, size).collectList(), winners.count(campaign, union))
			.map(found -> new WinnerPage(campaign, union, page, size, found.getT2(), found.getT1()));
	}

	@PostMapping("/api/admin/winners/{drawId}/delivery")
	@Operation(summary = "Record that a prize was handed over, by its draw id (idempotent)",
			description = "The first call records who and when; a repeat changes nothing and answers 200 with the "
					+ "first record and Idempotent-Replayed: true.")
	@ApiResponse(responseCode = "200", description = "The winner with its hand-over")
	@ApiResponse(responseCode = "403", description = "other-union: another union's prize", content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "404", description = "winner-not-found: no prize draw with that id",
			content = @Content(mediaType = PROBLEM))
	Mono<ResponseEntity<Winner>> deliverDraw(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID drawId,
			@RequestBody(required = false) @Valid DeliveryNote body) {
		return delivery.byDraw(drawId, body == null ? null : body.note(), Caller.of(jwt))
			.map(WinnerController::response);
	}

	@PostMapping("/api/admin/redemptions")
	@Operation(summary = "Record that a prize was handed over, by the redemption code the winner shows (idempotent)",
			description = "Case, spaces and dashes in the code do not matter. A repeat answers 200 with the first "
					+ "record and Idempotent-Replayed: true.")
	@ApiResponse(responseCode = "200", description = "The winner with its hand-over")
	@ApiResponse(responseCode = "400", description = "No code", content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "403", description = "other-union: another union's prize", content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "404", description = "redemption-code-not-found", content = @Content(mediaType = PROBLEM))
	Mono<ResponseEntity<Winner>> redeem(@AuthenticationPrincipal Jwt jwt, @RequestBody @Valid Redemption body) {
		return delivery.byCode(body.code(), body.note(), Caller.of(jwt)).map(WinnerController::response);
	}

	private static ResponseEntity<Winner> response(PrizeDelivery.Delivered delivered) {
		return delivered.first() ? ResponseEntity.ok(delivered.winner())
				: ResponseEntity.ok().header("Idempotent-Replayed", "true").body(delivered.winner());
	}

	/** @param note what to note about the hand-over, e.g. "由单位工会代领" */
	record DeliveryNote(@Size(max = 500, message = "备注最多500字 (note: up to 500 characters)") String note) {
	}

	/** @param code the redemption code the winner shows */
	record Redemption(@NotBlank(message = "请输入兑奖码 (code is required)")
	@Size(max = 40, message = "兑奖码为10位 (a code has 10 characters)") String code,
			@Size(max = 500, message = "备注最多500字 (note: up to 500 characters)") String note) {

		@Override
		public String toString() {
			return "Redemption[code=(hidden)]";
		}
	}

	/**
	 * @param unionId the union listed, {@code null} for all
	 * @param total prize draws in the whole list
	 */
	record WinnerPage(String campaignId, String unionId, int page, int size, long total, List<Winner> winners) {
	}
}
