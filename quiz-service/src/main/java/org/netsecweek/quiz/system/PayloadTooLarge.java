package org.netsecweek.quiz.system;

import java.util.Map;

import org.netsecweek.platform.problem.DomainProblem;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/** A request body larger than any the page sends. */
class PayloadTooLarge extends DomainProblem {

	PayloadTooLarge(DataSize max) {
		super(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "提交内容过大",
				"提交的内容超过了 " + max.toKilobytes() + " KB 的上限，请检查后重新提交。", Map.of("maxBytes", max.toBytes()));
	}
}
