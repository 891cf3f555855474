package org.netsecweek.lottery.prize;

import org.netsecweek.platform.problem.DomainProblem;

import org.springframework.http.HttpStatus;

class ProvinceAdminsOnly extends DomainProblem {

	ProvinceAdminsOnly() {
		super(HttpStatus.FORBIDDEN, "province-admins-only", "无权修改奖池", "奖池由省总工会管理员设置，市、产业工会管理员只能查看。");
	}
}
