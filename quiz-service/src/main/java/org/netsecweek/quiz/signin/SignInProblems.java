package org.netsecweek.quiz.signin;

import java.util.Map;

import org.netsecweek.platform.problem.DomainProblem;

import org.springframework.http.HttpStatus;

/** The ways a sign-in fails, each with what the worker can do about it. */
final class SignInProblems {

	private SignInProblems() {
	}

	static DomainProblem weChatOff() {
		return new DomainProblem(HttpStatus.NOT_FOUND, "wechat-sign-in-off", "未开通微信登录", "请使用手机号和验证码登录。");
	}

	static DomainProblem weChatCodeRejected() {
		return new DomainProblem(HttpStatus.UNAUTHORIZED, "wechat-code-rejected", "微信授权已失效",
				"微信授权已失效或已被使用，请从公众号菜单重新进入。");
	}

	static DomainProblem weChatUnavailable() {
		return new DomainProblem(HttpStatus.SERVICE_UNAVAILABLE, "wechat-unavailable", "微信暂时无法访问",
				"暂时无法连接微信，请稍后重试，或使用手机号和验证码登录。", Map.of("retryAfterSeconds", 10));
	}

	static DomainProblem phoneSignInUnavailable() {
		return new DomainProblem(HttpStatus.SERVICE_UNAVAILABLE, "sms-unavailable", "短信服务暂不可用",
				"暂时无法发送验证码，请稍后重试，或从工会公众号进入。", Map.of("retryAfterSeconds", 60));
	}

	static DomainProblem tooSoon(long seconds) {
		return new DomainProblem(HttpStatus.TOO_MANY_REQUESTS, "code-sent-recently", "验证码已发送",
				"验证码刚刚发出，请" + seconds + "秒后再试。", Map.of("retryAfterSeconds", seconds));
	}

	static DomainProblem tooManyToday() {
		return new DomainProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-codes", "今日验证码次数已用完",
				"该手机号今天获取验证码的次数已达上限，请明天再试。", Map.of("retryAfterSeconds", 3600));
	}

	static DomainProblem codeRejected() {
		return new DomainProblem(HttpStatus.UNAUTHORIZED, "code-rejected", "验证码不正确",
				"验证码不正确或已过期，请重新获取。");
	}
}
