package org.netsecweek.quiz.signin;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Sign-in knobs. */
@Validated
@ConfigurationProperties("netsec.quiz.sign-in")
public record SignInSettings(@Valid @DefaultValue WeChat wechat, @Valid @DefaultValue Phone phone) {

	/**
	 * WeChat web authorisation (网页授权).
	 *
	 * @param enabled whether {@code POST /api/sessions/wechat} is offered
	 * @param appId the official account's AppID
	 * @param appSecret its AppSecret, from the environment, never committed
	 * @param apiBase WeChat's API address; tests point it at a local stand-in
	 * @param timeout how long to wait for WeChat before answering 503
	 */
	public record WeChat(@DefaultValue("false") boolean enabled, String appId, String appSecret,
			@NotNull @DefaultValue("https://api.weixin.qq.com") String apiBase,
			@NotNull @DefaultValue("3s") Duration timeout) {
	}

	/**
	 * Phone number and one-time code.
	 *
	 * @param codeLifetime how long a code is valid
	 * @param resendAfter how long before another code may be sent to the same phone
	 * @param maxCodesPerDay codes one phone may receive per day
	 * @param maxFailures wrong codes before the code is void
	 * @param demoCodes show the code in the response instead of sending it (local demo only; off unless set)
	 */
	public record Phone(@NotNull @DefaultValue("5m") Duration codeLifetime,
			@NotNull @DefaultValue("60s") Duration resendAfter, @Min(1) @Max(100) @DefaultValue("10") int maxCodesPerDay,
			@Min(1) @Max(20) @DefaultValue("5") int maxFailures, @DefaultValue("false") boolean demoCodes) {
	}
}
