package org.netsecweek.lottery.winner;

import org.netsecweek.platform.problem.DomainProblem;

import org.springframework.http.HttpStatus;

class InvalidPage extends DomainProblem {

	InvalidPage() {
		super(HttpStatus.BAD_REQUEST, "invalid-page", "分页参数有误", "page 从 0 开始，size 为 1 到 200 (page from 0, size 1–200)。");
	}
}
