package org.netsecweek.quiz.worker;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.netsecweek.platform.campaign.Campaigns;
import org.netsecweek.platform.problem.DomainProblem;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import org.netsecweek.platform.security.Tokens;
import org.netsecweek.quiz.QuizSettings;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The local demo's sign-in: registers a new pseudonymous worker of the chosen union and returns a worker token. No
 * personal data is asked for or kept. Off unless {@code netsec.quiz.demo-sign-in} is on.
 */
@RestController
@Tag(name = "sign-in", description = "Signing in workers")
class DemoSignInController {

	private final Workers workers;

	private final Campaigns campaigns;

	private final Tokens tokens;

	private final QuizSettings settings;

	DemoSignInController(Workers workers, Campaigns campaigns, Tokens tokens, QuizSettings settings) {
		this.workers = workers;
		this.campaigns = campaigns;
		this.tokens = tokens;
		this.settings = settings;
	}

	@PostMapping("/api/sessions/demo")
	@Operation(summary = "Demo sign-in: a new pseudonymous worker of a union (local demo only)")
	@ApiResponse(responseCode = "200", description = "Signed in")
	@ApiResponse(responseCode = "400", description = "Unknown union or malformed organisation id",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "404", description = "Demo sign-in is switched off",
			content = @Content(mediaType = "application/problem+json"))
	Mono<Session> signIn(@RequestBody @Valid DemoSignIn request) {
		if (!settings.demoSignIn()) {
			return Mono.error(new DomainProblem(HttpStatus.NOT_FOUND, "demo-sign-in-off", "演示登录未开启",
					"请通过工会公众号进入答题页面。"));
		}
		if (campaigns.active().union(request.unionId()).isEmpty()) {
			return Mono.error(new DomainProblem(HttpStatus.BAD_REQUEST, "unknown-union", "工会不存在",
					"请选择列表中的市（地）或产业工会。"));
		}
		String org = request.orgId() == null || request.orgId().isBlank() ? request.unionId() + "-demo"
				: request.orgId();
		return workers.register(new Worker(UUID.randomUUID(), request.unionId(), org)).map(worker -> {
			var token = tokens.issue(new Caller(worker.id().toString(), Role.WORKER, null));
			return new Session(token.token(), token.expiresAt().toString(), worker.id(), worker.unionId(),
					worker.orgId());
		});
	}

	/**
	 * @param unionId a union id of the running campaign, e.g. {@code harbin}
	 * @param orgId the grassroots organisation's id; a demo organisation of the union when empty
	 */
	record DemoSignIn(@NotBlank @Schema(example = "harbin") String unionId,
			@Pattern(regexp = "[a-z0-9][a-z0-9-]{0,59}") @Schema(example = "harbin-0001") String orgId) {
	}

	/** A signed-in worker; send the token as {@code Authorization: Bearer <token>}. */
	record Session(String token, String expiresAt, UUID workerId, String unionId, String orgId) {
	}
}
