package org.netsecweek.lottery.draw;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "draws", description = "A worker's own draws and their fairness proofs")
class DrawController {

	private final Draws draws;

	DrawController(Draws draws) {
		this.draws = draws;
	}

	@GetMapping("/api/draws/{drawId}")
	@Operation(summary = "One of the signed-in worker's draws: status, prize and the values that prove it fair")
	Mono<DrawView> draw(@PathVariable UUID drawId, @AuthenticationPrincipal Jwt jwt) {
		Caller caller = Caller.of(jwt);
		return draws.find(drawId).switchIfEmpty(Mono.error(() -> new DrawNotFound(drawId))).map(draw -> {
			if (caller.role() != Role.WORKER || !draw.workerId().equals(caller.workerId())) {
				throw new NotYourDraw();
			}
			return DrawView.of(draw);
		});
	}

	/**
	 * @param status {@code PENDING} while waiting for an entitlement, then {@code PRIZE}, {@code NO_PRIZE} or
	 * {@code REJECTED}
	 * @param redemptionCode the code to show when collecting a prize (only the owner sees it)
	 */
	record DrawView(UUID drawId, String campaignId, int drawNumber, String status, String prizeId, String prizeName,
			String rejectionReason, String seedCommitment, String drawHmac, String logHash, Instant requestedAt,
			Instant completedAt, String redemptionCode) {

		static DrawView of(Draw draw) {
			return new DrawView(draw.drawId(), draw.campaignId(), draw.drawNumber(), draw.status(), draw.prizeId(),
					draw.prizeName(), draw.rejectionReason(), draw.proof().seedCommitment(), draw.proof().drawHmac(),
					draw.proof().logHash(), draw.requestedAt(), draw.completedAt(), draw.redemptionCode());
		}
	}
}
