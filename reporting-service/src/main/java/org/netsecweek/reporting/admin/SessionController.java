package org.netsecweek.reporting.admin;

import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import org.netsecweek.platform.security.Tokens;
import org.netsecweek.platform.security.Tokens.IssuedToken;
import org.netsecweek.reporting.admin.AdminSettings.Account;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "sessions", description = "Admins sign in to the staff console")
class SessionController {

	private final AdminAccounts accounts;

	private final Tokens tokens;

	private final MeterRegistry meters;

	SessionController(AdminAccounts accounts, Tokens tokens, MeterRegistry meters) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.meters = meters;
	}

	/** BCrypt takes tens of milliseconds of CPU by design, so the check runs off the event loop. */
	@PostMapping("/api/sessions")
	@Operation(summary = "Sign in with user name and password; answers a token for the admin API")
	Mono<Session> signIn(@Valid @RequestBody SignIn request) {
		return Mono.fromCallable(() -> accounts.authenticate(request.username(), request.password()))
			.subscribeOn(Schedulers.boundedElastic())
			.doOnNext(account -> meters.counter("admin.sign-ins", "result", account.isPresent() ? "signed-in"
					: "refused").increment())
			.map(account -> session(account.orElseThrow(WrongCredentials::new)));
	}

	private Session session(Account account) {
		IssuedToken token = tokens.issue(new Caller(account.username(), account.role(), account.unionId()));
		return new Session(token.token(), token.expiresAt(), account.role(), account.unionId());
	}

	record SignIn(@NotBlank(message = "请填写用户名") @Size(max = 100, message = "用户名过长") String username,
			@NotBlank(message = "请填写密码") @Size(max = 200, message = "密码过长") String password) {

		@Override
		public String toString() {
			return "SignIn[username=" + username + "]";
		}
	}

	/**
	 * A signed-in admin.
	 *
	 * @param token send as {@code Authorization: Bearer <token>}
	 * @param unionId the union a union admin is bound to; {@code null} for a province admin
	 */
	record Session(String token, Instant expiresAt, Role role, String unionId) {
	}
}
