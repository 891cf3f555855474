package org.netsecweek.lottery.prize;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.campaign.CampaignDefinition.OutOfStock;
import org.netsecweek.platform.campaign.CampaignDefinition.Release;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.platform.security.Caller;
import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "prizes", description = "Prize pools, their release over the campaign days and the inventory left")
class PrizeController {

	private final Prizes prizes;

	private final PrizeManagement management;

	private final DrawsBegun draws;

	private final Campaigns campaigns;

	private final Clock clock;

	PrizeController(Prizes prizes, PrizeManagement management, DrawsBegun draws, Campaigns campaigns, Clock clock) {
		this.prizes = prizes;
		this.management = management;
		this.draws = draws;
		this.campaigns = campaigns;
		this.clock = clock;
	}

	@GetMapping("/api/admin/prizes")
	@Operation(summary = "A campaign's pool (the running campaign unless one is named): per prize its quantity, units "
			+ "released so far, won, available now and value")
	@ApiResponse(responseCode = "200", description = "The pool as of now")
	@ApiResponse(responseCode = "404", description = "No such campaign", content = @Content(mediaType = "application/problem+json"))
	Mono<PoolView> prizes(@RequestParam(required = false) String campaignId) {
		return view(campaigns.namedOrActive(campaignId));
	}

	@PutMapping("/api/admin/prizes/{campaignId}")
	@Operation(summary = "Replace a campaign's pool (province admins, until the campaign's first draw)",
			description = "The whole pool at once: no-prize weight, out-of-stock policy, release schedule and the prizes "
					+ "in the order draws map onto them. Fixed from the first draw on, because the published fairness "
					+ "replay recomputes every draw from one pool.")
	@ApiResponse(responseCode = "200", description = "The new pool")
	@ApiResponse(responseCode = "400", description = "A field at fault (errors[].field names it): duplicate id, weight "
			+ "not above 0, negative quantity…", content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "403", description = "Not a province admin", content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "404", description = "No such campaign", content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "409", description = "prize-pool-in-use: the campaign has had draws",
			content = @Content(mediaType = "application/problem+json"))
	Mono<PoolView> replace(@PathVariable String campaignId, @RequestBody @Valid PoolChange change,
			@AuthenticationPrincipal Jwt jwt) {
		CampaignDefinition campaign = campaigns.get(campaignId);
		return management.replace(campaign, change.toPrizes(), Caller.of(jwt)).then(Mono.defer(() -> view(campaign)));
	}

	private Mono<PoolView> view(CampaignDefinition campaign) {
		int today = CampaignDays.dayOf(campaign, clock.instant());
		return Mono.zip(prizes.pool(campaign.id()), draws.begun(campaign.id()))
			.map(found -> PoolView.of(found.getT1(), today, found.getT2()));
	}

	/**
	 * A new pool.
	 *
	 * @param whenOutOfStock {@code DRAW_AGAIN} (default) or {@code NO_PRIZE}
	 * @param release {@code DAILY} (default) or {@code ALL_AT_ONCE}
	 */
	record PoolChange(
			@NotNull(message = "请填写“谢谢参与”的权重 (noPrizeWeight is required)")
			@PositiveOrZero(message = "“谢谢参与”的权重不能为负数 (noPrizeWeight must be 0 or more)") Integer noPrizeWeight,
			OutOfStock whenOutOfStock, Release release,
			@NotNull(message = "请填写奖品列表，可以为空 (items is required, may be empty)")
			@Size(max = 50, message = "奖品最多50种 (at most 50 prizes)") List<@NotNull(message = "奖品不能为空 (item is null)") @Valid Item> items) {

		CampaignDefinition.Prizes toPrizes() {
			return new CampaignDefinition.Prizes(noPrizeWeight, whenOutOfStock, release, items.stream()
				.map(item -> new CampaignDefinition.Prize(item.id(), item.name(), item.value(), item.weight(),
						item.quantity()))
				.toList());
		}
	}

	/** A prize of a new pool; {@code value} in yuan, optional. */
	record Item(
			@NotBlank(message = "请填写奖品编号 (id is required)")
			@Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}", message = "奖品编号只能用小写字母、数字和连字符，最多40个字符 (id: a-z, 0-9, '-', up to 40)") String id,
			@NotBlank(message = "请填写奖品名称 (name is required)")
			@Size(max = 40, message = "奖品名称最多40个字 (name: up to 40 characters)") String name,
			@DecimalMin(value = "0", message = "奖品价值不能为负数 (value must be 0 or more)")
			@Digits(integer = 10, fraction = 2, message = "奖品价值以元为单位，最多两位小数 (value: yuan, 2 decimals)") BigDecimal value,
			@NotNull(message = "请填写权重 (weight is required)")
			@Positive(message = "权重必须大于0 (weight must be greater than 0)") Integer weight,
			@NotNull(message = "请填写数量 (quantity is required)")
			@PositiveOrZero(message = "数量不能为负数 (quantity must be 0 or more)") Integer quantity) {
	}

	/**
	 * A pool as of now.
	 *
	 * @param days the campaign's days
	 * @param today today's campaign day (1 = the first; 0 or less before, above {@code days} after the campaign)
	 * @param drawsBegun whether the campaign has had draws (then the pool can no longer be replaced)
	 */
	record PoolView(String campaignId, int noPrizeWeight, OutOfStock whenOutOfStock, Release release, int days,
			int today, boolean drawsBegun, List<PrizeView> prizes) {

		static PoolView of(PrizePool pool, int today, boolean begun) {
			return new PoolView(pool.campaignId(), pool.noPrizeWeight(), pool.whenOutOfStock(), pool.release(),
					pool.days(), today, begun,
					pool.prizes()
						.stream()
						.map(prize -> new PrizeView(prize.id(), prize.name(), prize.value(), prize.weight(),
								prize.quantity(), Math.min(pool.released(prize, today), prize.quantity()), prize.won(),
								pool.available(prize, today), prize.stockLeft()))
						.toList());
		}
	}

	/**
	 * @param released units released through today
	 * @param won units won so far
	 * @param available units a draw may take today: released minus won
	 * @param stockLeft units not yet won in the whole campaign
	 */
	record PrizeView(String id, String name, BigDecimal value, int weight, int quantity, int released, int won,
			int available, int stockLeft) {
	}
}
