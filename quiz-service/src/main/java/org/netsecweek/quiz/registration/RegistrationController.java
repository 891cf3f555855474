package org.netsecweek.quiz.registration;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.quiz.organisation.Organisations;
import org.netsecweek.quiz.privacy.PrivacyNotice;
import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "registration", description = "A worker's one-time registration with consent")
class RegistrationController {

	private final Registrations registrations;

	private final Organisations organisations;

	private final Campaigns campaigns;

	RegistrationController(Registrations registrations, Organisations organisations, Campaigns campaigns) {
		this.registrations = registrations;
		this.organisations = organisations;
		this.campaigns = campaigns;
	}

	@GetMapping("/api/privacy-notice")
	@Operation(summary = "The privacy notice a worker consents to at registration: what, why, how long")
	PrivacyNotice notice() {
		return PrivacyNotice.CURRENT;
	}

	@GetMapping("/api/me")
	@Operation(summary = "The signed-in worker's registration, personal data masked")
	Mono<Registrations.Profile> me(@AuthenticationPrincipal Jwt jwt) {
		return registrations.profile(Caller.of(jwt).workerId()).map(Registrations.Profile::masked);
	}

	@PostMapping("/api/registration")
	@Operation(summary = "Register once: union, organisation, name and phone for prize delivery, with consent")
	@ApiResponse(responseCode = "200", description = "Registered; the masked profile")
	@ApiResponse(responseCode = "400", description = "A field is missing or invalid, or the organisation is not of the union",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "409", description = "Already registered, or the phone is registered by another worker",
			content = @Content(mediaType = "application/problem+json"))
	Mono<Registrations.Profile> register(@AuthenticationPrincipal Jwt jwt, @RequestBody @Valid Registration request) {
		UUID worker = Caller.of(jwt).workerId();
		if (!PrivacyNotice.CURRENT.version().equals(request.consentVersion())) {
			return Mono.error(RegistrationProblems.invalid("个人信息保护说明已更新，请刷新页面阅读后重新确认。"));
		}
		if (campaigns.active().union(request.unionId()).isEmpty()) {
			return Mono.error(RegistrationProblems.invalid("请选择列表中的市（地）或产业工会。"));
		}
		return organisations.find(request.orgId())
			.filter(org -> org.unionId().equals(request.unionId()))
			.switchIfEmpty(Mono.error(() -> RegistrationProblems.invalid("请选择所在工会名录中的基层工会组织。")))
			.then(registrations.profile(worker))
			.flatMap(profile -> {
				if (profile.registered()) {
					return Mono.error(RegistrationProblems.alreadyRegistered());
				}
				String phone = profile.phone() != null ? profile.phone() : request.phone();
				if (phone == null) {
					return Mono.error(RegistrationProblems.invalid("请填写手机号，用于中奖后联系你。"));
				}
				if (profile.phone() != null && request.phone() != null && !request.phone().equals(profile.phone())) {
					return Mono.error(RegistrationProblems.invalid("请使用登录时验证过的手机号。"));
				}
				return registrations.register(worker, request.withPhone(phone))
					.flatMap(done -> done ? registrations.profile(worker).map(Registrations.Profile::masked)
							: Mono.error(RegistrationProblems.alreadyRegistered()));
			});
	}
}
