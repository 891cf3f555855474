package org.netsecweek.scoring.integrity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.netsecweek.platform.campaign.Campaigns;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The ledger's integrity check, on demand, for province admins (it covers every union). */
@RestController
@Tag(name = "integrity", description = "Checks that the ledger, the totals and the draws agree")
class IntegrityController {

	private final IntegrityCheck check;

	private final IntegrityGauges gauges;

	private final Campaigns campaigns;

	IntegrityController(IntegrityCheck check, IntegrityGauges gauges, Campaigns campaigns) {
		this.check = check;
		this.gauges = gauges;
		this.campaigns = campaigns;
	}

	@GetMapping("/api/admin/integrity")
	@Operation(summary = "Check a campaign's ledger now (the running campaign unless one is named)",
			description = "Totals equal the ledger, change counters equal the entries, every booked attempt within "
					+ "the campaign's rules and not held or rejected in review, no worker with more draws used than "
					+ "their total earns. `passed` is true when every count is zero.")
	@ApiResponse(responseCode = "403", description = "Not a province admin", content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "404", description = "Unknown campaign", content = @Content(mediaType = "application/problem+json"))
	Mono<IntegrityReport> check(@RequestParam(required = false) String campaignId) {
		// province admins only: netsec.security.province-paths refuses everyone else before this runs
		return check.run(campaigns.namedOrActive(campaignId)).doOnNext(gauges::record);
	}
}
