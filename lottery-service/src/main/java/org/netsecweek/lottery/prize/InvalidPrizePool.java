package org.netsecweek.lottery.prize;

import java.util.List;
import java.util.Map;

import org.netsecweek.platform.problem.DomainProblem;

import org.springframework.http.HttpStatus;

/** A pool the service cannot draw on, with the fields at fault in the same shape as other invalid requests. */
class InvalidPrizePool extends DomainProblem {

	InvalidPrizePool(List<Map<String, String>> errors) {
		super(HttpStatus.BAD_REQUEST, "invalid-request", "请求内容有误", "请检查标出的字段后重新提交。",
				Map.of("errors", List.copyOf(errors)));
	}
}
