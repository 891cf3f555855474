package org.netsecweek.quiz.signin;

import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import org.netsecweek.platform.security.Tokens;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "sign-in", description = "Signing in workers")
class SessionController {

	static final String MOBILE = "1[3-9]\\d{9}";

	private final WeChat weChat;

	private final PhoneCodes codes;

	private final Identities identities;

	private final Tokens tokens;

	private final Optional<CodeSender> sender;

	SessionController(WeChat weChat, PhoneCodes codes, Identities identities, Tokens tokens,
			ObjectProvider<CodeSender> senders, SignInSettings settings) {
		this.weChat = weChat;
		this.codes = codes;
		this.identities = identities;
		this.tokens = tokens;
		CodeSender configured = senders.getIfAvailable();
		this.sender = Optional.ofNullable(configured != null ? configured
				: settings.phone().demoCodes() ? new DemoCodeSender() : null);
	}

	@PostMapping("/api/sessions/wechat")
	@Operation(summary = "Sign in with the code of WeChat web authorisation")
	@ApiResponse(responseCode = "200", description = "Signed in; registered=false means the worker must register first")
	@ApiResponse(responseCode = "401", description = "The code is invalid, used or expired",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "503", description = "WeChat did not answer", content = @Content(mediaType = "application/problem+json"))
	Mono<Session> weChat(@RequestBody @Valid WeChatCode request) {
		if (!weChat.enabled()) {
			return Mono.error(SignInProblems.weChatOff());
		}
		return weChat.openid(request.code()).flatMap(identities::byOpenid).map(this::session);
	}

	@PostMapping("/api/sessions/phone/code")
	@Operation(summary = "Send a one-time code to a mobile number",
			description = "In the local demo the code comes back in demoCode instead of by SMS.")
	@ApiResponse(responseCode = "202", description = "Sent")
	@ApiResponse(responseCode = "429", description = "Sent too recently or too often today; see Retry-After",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "503", description = "No SMS sender", content = @Content(mediaType = "application/problem+json"))
	Mono<ResponseEntity<CodeSent>> sendCode(@RequestBody @Valid PhoneNumber request) {
		if (sender.isEmpty()) {
			return Mono.error(SignInProblems.phoneSignInUnavailable());
		}
		boolean demo = sender.get() instanceof DemoCodeSender;
		return codes.issue(request.phone())
			.flatMap(code -> sender.get().send(request.phone(), code).thenReturn(code))
			.map(code -> ResponseEntity.status(HttpStatus.ACCEPTED).body(new CodeSent(demo ? code : null)));
	}

	@PostMapping("/api/sessions/phone")
	@Operation(summary = "Sign in with a mobile number and its one-time code")
	@ApiResponse(responseCode = "200", description = "Signed in; registered=false means the worker must register first")
	@ApiResponse(responseCode = "401", description = "Wrong or expired code", content = @Content(mediaType = "application/problem+json"))
	Mono<Session> phone(@RequestBody @Valid PhoneSignIn request) {
		return codes.redeem(request.phone(), request.code(), () -> identities.byPhone(request.phone()))
			.switchIfEmpty(Mono.error(SignInProblems.codeRejected()))
			.map(this::session);
	}

	private Session session(Identities.SignedIn signedIn) {
		var token = tokens.issue(new Caller(signedIn.workerId().toString(), Role.WORKER, null));
		return new Session(token.token(), token.expiresAt().toString(), signedIn.workerId().toString(),
				signedIn.registered());
	}

	record WeChatCode(@NotBlank @Size(max = 128) String code) {
	}

	record PhoneNumber(@NotBlank @Pattern(regexp = MOBILE, message = "请输入11位手机号") @Schema(example = "13800138000") String phone) {
	}

	record PhoneSignIn(@NotBlank @Pattern(regexp = MOBILE, message = "请输入11位手机号") String phone,
			@NotBlank @Pattern(regexp = "\\d{6}", message = "验证码为6位数字") String code) {
	}

	/**
	 * @param demoCode the code itself, only in the local demo (no SMS is sent there)
	 */
	record CodeSent(String demoCode) {
	}

	/**
	 * A signed-in worker; send the token as {@code Authorization: Bearer <token>}.
	 *
	 * @param registered whether the worker has registered; if not, {@code POST /api/registration} comes next
	 */
	record Session(String token, String expiresAt, String workerId, boolean registered) {
	}
}
