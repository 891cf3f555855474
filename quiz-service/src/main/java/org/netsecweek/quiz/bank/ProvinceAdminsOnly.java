package org.netsecweek.quiz.bank;

import org.netsecweek.platform.problem.DomainProblem;

import org.springframework.http.HttpStatus;

/** The question bank, with its keys, is for the provincial federation's admins only. */
class ProvinceAdminsOnly extends DomainProblem {

	ProvinceAdminsOnly() {
		super(HttpStatus.FORBIDDEN, "province-admins-only", "仅限省总工会管理员", "题库（含答案）只能由省总工会管理员查看和维护。");
	}
}
