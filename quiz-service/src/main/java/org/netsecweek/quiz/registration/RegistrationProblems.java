package org.netsecweek.quiz.registration;

import org.netsecweek.platform.problem.DomainProblem;

import org.springframework.http.HttpStatus;

/** The ways a registration is refused. */
final class RegistrationProblems {

	private RegistrationProblems() {
	}

	static DomainProblem phoneTaken() {
		return new DomainProblem(HttpStatus.CONFLICT, "phone-already-registered", "手机号已登记",
				"该手机号已被其他账号登记。每个手机号只能登记一次，请用该手机号登录，或联系所在工会。");
	}

	static DomainProblem alreadyRegistered() {
		return new DomainProblem(HttpStatus.CONFLICT, "already-registered", "已经登记过了",
				"你已经完成登记，可以直接答题。如需修改登记信息，请联系所在工会。");
	}

	static DomainProblem invalid(String detail) {
		return new DomainProblem(HttpStatus.BAD_REQUEST, "invalid-registration", "登记信息有误", detail);
	}
}
