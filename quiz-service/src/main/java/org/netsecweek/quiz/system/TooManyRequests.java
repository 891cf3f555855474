package org.netsecweek.quiz.system;

import java.util.Map;

import org.netsecweek.platform.problem.DomainProblem;

import org.springframework.http.HttpStatus;

/** A caller spent their request budget; {@code Retry-After} says when it has a request again. */
class TooManyRequests extends DomainProblem {

	TooManyRequests(long retryAfterSeconds) {
		super(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "操作太频繁", "操作太频繁，请稍后再试。",
				Map.of("retryAfterSeconds", retryAfterSeconds));
	}
}
