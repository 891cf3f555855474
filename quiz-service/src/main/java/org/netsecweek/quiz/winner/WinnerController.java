package org.netsecweek.quiz.winner;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.platform.problem.DomainProblem;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import org.netsecweek.platform.tracing.InRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "winners", description = "Who won what: masked for everyone, in full for delivery")
class WinnerController {

	private static final Logger log = LoggerFactory.getLogger(WinnerController.class);

	private final Winners winners;

	private final Campaigns campaigns;

	WinnerController(Winners winners, Campaigns campaigns) {
		this.winners = winners;
		this.campaigns = campaigns;
	}

	@GetMapping("/api/winners")
	@Operation(summary = "The public winners list of the running campaign: prize, union, masked name and phone")
	Mono<List<Public>> publicList() {
		return winners.of(campaigns.active().id(), null)
			.map(Winners.Winner::masked)
			.map(w -> new Public(w.prizeName(), w.wonAt().toString(), unionName(w.unionId()), w.name(), w.phone()))
			.collectList();
	}

	@GetMapping("/api/admin/deliveries")
	@Operation(summary = "The delivery list with full names and phones, for the staff who send the prizes",
			description = "A union admin gets their union's winners, a province admin everyone's (or one union's with "
					+ "unionId). `purpose` (why the list is needed, e.g. 寄送奖品) is required. Every call is recorded: who, "
					+ "when, why, which list, how many people; province admins read the record at /api/admin/contact-access.")
	@ApiResponse(responseCode = "400", description = "No purpose given", content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "403", description = "Another union's list", content = @Content(mediaType = "application/problem+json"))
	Mono<List<Winners.Winner>> deliveries(@AuthenticationPrincipal Jwt jwt,
			@RequestParam(required = false) String unionId, @RequestParam(required = false) String purpose) {
		Caller caller = Caller.of(jwt);
		if (purpose == null || purpose.isBlank() || purpose.length() > 200) {
			return Mono.error(new DomainProblem(HttpStatus.BAD_REQUEST, "purpose-required", "请说明查看用途",
					"查看中奖职工的完整联系方式前，请填写用途（purpose，200字以内，例如“寄送奖品”），该用途将被记录。"));
		}
		String union = caller.role() == Role.UNION_ADMIN ? caller.unionId() : unionId;
		if (unionId != null && !caller.mayAccessUnion(unionId)) {
			return Mono.error(new DomainProblem(HttpStatus.FORBIDDEN, "other-union", "无权查看",
					"只能查看本工会中奖职工的联系方式。"));
		}
		String campaign = campaigns.active().id();
		return winners.of(campaign, union)
			.collectList()
			.flatMap(list -> InRequest.logAfter(winners.recordAccess(caller.subject(), caller.role().name(), union,
					campaign, list.size(), purpose.strip()),
					done -> log.info("Delivery list of {} ({} people) seen by {} ({}) for a stated purpose",
							union == null ? "all unions" : union, list.size(), caller.subject(), caller.role()))
				.thenReturn(list));
	}

	private String unionName(String unionId) {
		return campaigns.active().union(unionId).map(u -> u.name()).orElse("");
	}

	/** A line of the public list. */
	record Public(String prizeName, String wonAt, String union, String name, String phone) {
	}
}
