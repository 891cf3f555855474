package org.netsecweek.reporting.admin;

import org.netsecweek.platform.problem.DomainProblem;

import org.springframework.http.HttpStatus;

/** The user name or the password is wrong. One message for both, so it does not tell which user names exist. */
class WrongCredentials extends DomainProblem {

	WrongCredentials() {
		super(HttpStatus.UNAUTHORIZED, "wrong-credentials", "用户名或密码错误", "用户名或密码错误，请检查后重新登录。");
	}
}
