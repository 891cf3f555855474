package org.netsecweek.quiz.signin;

import java.net.URI;
import java.util.concurrent.TimeoutException;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * WeChat web authorisation: exchanges the code WeChat gave the page for the worker's openid
 * ({@code GET /sns/oauth2/access_token}). WeChat answers errors with 200 and an {@code errcode}: 40029 (invalid
 * code), 40163 (code already used) and 42003 (code expired) are the worker's to fix; anything else, a timeout or an
 * HTTP failure means WeChat is unavailable.
 */
@Component
class WeChat {

	private final WebClient web;

	private final SignInSettings.WeChat settings;

	private final JsonMapper json;

	WeChat(WebClient.Builder web, SignInSettings settings, JsonMapper json) {
		this.web = web.build();
		this.settings = settings.wechat();
		this.json = json;
	}

	boolean enabled() {
		return settings.enabled();
	}

	/** The openid for a code, or a problem the worker can act on. */
	Mono<String> openid(String code) {
		URI uri = UriComponentsBuilder.fromUriString(settings.apiBase())
			.path("/sns/oauth2/access_token")
			.queryParam("appid", settings.appId())
			.queryParam("secret", settings.appSecret())
			.queryParam("code", code)
			.queryParam("grant_type", "authorization_code")
			.build()
			.encode()
			.toUri();
		return web.get()
			.uri(uri)
			.retrieve()
			.bodyToMono(String.class)
			.timeout(settings.timeout())
			// WeChat sends its JSON as text/plain
			.map(text -> json.readValue(text, Answer.class))
			.onErrorMap(ex -> ex instanceof TimeoutException || ex instanceof WebClientRequestException
					|| ex instanceof WebClientResponseException || ex instanceof JacksonException,
					ex -> SignInProblems.weChatUnavailable())
			.flatMap(answer -> {
				if (answer.openid() != null && !answer.openid().isBlank() && answer.errcode() == null) {
					return Mono.just(answer.openid());
				}
				return Mono.error(answer.isCodeProblem() ? SignInProblems.weChatCodeRejected()
						: SignInProblems.weChatUnavailable());
			});
	}

	/** WeChat's answer: either a token with the openid, or an error code and message. */
	record Answer(String openid, Integer errcode, String errmsg) {

		boolean isCodeProblem() {
			return errcode != null && (errcode == 40029 || errcode == 40163 || errcode == 42003);
		}
	}
}
