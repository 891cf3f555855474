package org.netsecweek.reporting.activity;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import org.netsecweek.reporting.access.UnionAccess;
import org.netsecweek.reporting.report.Reports;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "offline activities", description = "Unions record their offline activities (进企业、进车间、进班组 …) "
		+ "until the report deadline")
class ActivityController {

	private final OfflineActivities activities;

	private final OrganisationDirectory directory;

	private final Campaigns campaigns;

	private final Reports reports;

	ActivityController(OfflineActivities activities, OrganisationDirectory directory, Campaigns campaigns,
			Reports reports) {
		this.activities = activities;
		this.directory = directory;
		this.campaigns = campaigns;
		this.reports = reports;
	}

	@PostMapping("/api/admin/activities")
	@Operation(summary = "Records an offline activity; the same requestId again answers the activity it created")
	@ApiResponse(responseCode = "201", description = "recorded (200 when the requestId was seen before)")
	@ApiResponse(responseCode = "400", description = "invalid fields, date outside the campaign window "
			+ "(date-outside-window), organisation unknown or of another union")
	@ApiResponse(responseCode = "403", description = "another union (other-union)")
	@ApiResponse(responseCode = "409", description = "after the deadline (activities-frozen); requestId reused for "
			+ "a different activity (request-id-reused)")
	Mono<ResponseEntity<OfflineActivity>> create(@Valid @RequestBody NewActivity request,
			@AuthenticationPrincipal Jwt jwt) {
		Caller caller = Caller.of(jwt);
		return campaign(request.campaignId()).flatMap(campaign -> {
			String unionId = checked(caller, campaign, request.unionId(), request.orgId(), request.date());
			OfflineActivity wanted = new OfflineActivity(UUID.randomUUID(), campaign.id(), unionId, request.orgId(),
					null, request.date(), request.form().strip(), request.participants(), request.description().strip(),
					request.requestId(), caller.subject(), null, null);
			return activities.add(wanted).map(stored -> {
				if (!stored.id().equals(wanted.id())) {
					if (!sameContent(stored, wanted)) {
						throw ActivityProblems.requestIdReused();
					}
					return ResponseEntity.ok(stored);
				}
				return ResponseEntity.created(URI.create("/api/admin/activities/" + stored.id())).body(stored);
			});
		});
	}

	@GetMapping("/api/admin/activities")
	@Operation(summary = "The campaign's offline activities: a union admin's own union, or any union for a "
			+ "province admin (all without unionId)")
	@ApiResponse(responseCode = "403", description = "another union (other-union)")
	Flux<OfflineActivity> list(@RequestParam(required = false) String campaignId,
			@RequestParam(required = false) String unionId, @AuthenticationPrincipal Jwt jwt) {
		Caller caller = Caller.of(jwt);
		String union = unionId != null ? unionId : caller.role() == Role.UNION_ADMIN ? caller.unionId() : null;
		if (union != null) {
			UnionAccess.require(caller, union);
		}
		return campaign(campaignId).flatMapMany(campaign -> activities.of(campaign.id(), union));
	}

	@GetMapping("/api/admin/activities/{id}")
	@Operation(summary = "One offline activity")
	@ApiResponse(responseCode = "403", description = "another union's activity (other-union)")
	@ApiResponse(responseCode = "404", description = "no such activity (activity-not-found)")
	Mono<OfflineActivity> get(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		return existing(id, Caller.of(jwt));
	}

	@PutMapping("/api/admin/activities/{id}")
	@Operation(summary = "Changes an offline activity until the deadline")
	@ApiResponse(responseCode = "400", description = "invalid fields, date or organisation")
	@ApiResponse(responseCode = "403", description = "another union's activity (other-union)")
	@ApiResponse(responseCode = "404", description = "no such activity (activity-not-found)")
	@ApiResponse(responseCode = "409", description = "after the deadline (activities-frozen)")
	Mono<OfflineActivity> update(@PathVariable UUID id, @Valid @RequestBody ActivityChange change,
			@AuthenticationPrincipal Jwt jwt) {
		Caller caller = Caller.of(jwt);
		return existing(id, caller).flatMap(activity -> {
			CampaignDefinition campaign = campaigns.get(activity.campaignId());
			checked(caller, campaign, activity.unionId(), change.orgId(), change.date());
			return activities.update(new OfflineActivity(id, activity.campaignId(), activity.unionId(),
					change.orgId(), null, change.date(), change.form().strip(), change.participants(),
					change.description().strip(), activity.requestId(), caller.subject(), null, null));
		});
	}

	@DeleteMapping("/api/admin/activities/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Removes an offline activity until the deadline")
	@ApiResponse(responseCode = "403", description = "another union's activity (other-union)")
	@ApiResponse(responseCode = "404", description = "no such activity (activity-not-found)")
	@ApiResponse(responseCode = "409", description = "after the deadline (activities-frozen)")
	Mono<Void> delete(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		Caller caller = Caller.of(jwt);
		return existing(id, caller).flatMap(activity -> {
			requireOpen(campaigns.get(activity.campaignId()));
			return activities.delete(id);
		}).then();
	}

	private Mono<OfflineActivity> existing(UUID id, Caller caller) {
		return activities.find(id).switchIfEmpty(Mono.error(ActivityProblems::notFound)).doOnNext(activity -> UnionAccess
			.require(caller, activity.unionId()));
	}

	/**
	 * Checks who may record what, where and when; emits the union the activity belongs to. A union admin records
	 * for their own union; a province admin for the union of the organisation.
	 */
	private String checked(Caller caller, CampaignDefinition campaign, String unionId, String orgId, LocalDate date) {
		String union = unionId != null ? unionId
				: caller.role() == Role.UNION_ADMIN ? caller.unionId()
						: directory.find(orgId).map(OrganisationDirectory.Organisation::unionId).orElse(null);
		if (union != null) {
			UnionAccess.require(caller, union);
		}
		var org = directory.find(orgId).orElseThrow(() -> ActivityProblems.unknownOrganisation(orgId));
		if (!org.unionId().equals(union)) {
			throw ActivityProblems.organisationOfOtherUnion(orgId, union);
		}
		requireOpen(campaign);
		if (!campaign.isOpenOn(date)) {
			throw ActivityProblems.dateOutsideWindow(campaign.startsOn().toString(), campaign.endsOn().toString());
		}
		return union;
	}

	private void requireOpen(CampaignDefinition campaign) {
		if (reports.isPastDeadline(campaign)) {
			throw ActivityProblems.frozen(campaign.reportDeadline().toString().replace('T', ' '));
		}
	}

	private static boolean sameContent(OfflineActivity a, OfflineActivity b) {
		return a.orgId().equals(b.orgId()) && a.date().equals(b.date()) && a.form().equals(b.form())
				&& a.participants() == b.participants() && a.description().equals(b.description());
	}

	private Mono<CampaignDefinition> campaign(String campaignId) {
		return Mono.fromSupplier(() -> campaigns.namedOrActive(campaignId));
	}

	/**
	 * A new offline activity.
	 *
	 * @param requestId chosen by the client for this create request (e.g. a UUID); sending it again is safe
	 * @param unionId the union; a union admin's own by default, the organisation's for a province admin
	 * @param campaignId the running campaign by default
	 */
	record NewActivity(@NotBlank(message = "请提供请求编号") @Size(max = 64, message = "请求编号过长") String requestId,
			String campaignId, String unionId, @NotBlank(message = "请选择基层工会组织") String orgId,
			@NotNull(message = "请填写活动日期") LocalDate date,
			@NotBlank(message = "请填写活动形式") @Size(max = 30, message = "活动形式不超过30个字") String form,
			@NotNull(message = "请填写参加人数") @Positive(message = "参加人数须为正整数") @Max(value = 1_000_000,
					message = "参加人数过大") Integer participants,
			@NotBlank(message = "请填写活动简介") @Size(max = 500, message = "活动简介不超过500个字") String description) {
	}

	/** The changeable fields of an activity. */
	record ActivityChange(@NotBlank(message = "请选择基层工会组织") String orgId,
			@NotNull(message = "请填写活动日期") LocalDate date,
			@NotBlank(message = "请填写活动形式") @Size(max = 30, message = "活动形式不超过30个字") String form,
			@NotNull(message = "请填写参加人数") @Positive(message = "参加人数须为正整数") @Max(value = 1_000_000,
					message = "参加人数过大") Integer participants,
			@NotBlank(message = "请填写活动简介") @Size(max = 500, message = "活动简介不超过500个字") String description) {
	}
}
