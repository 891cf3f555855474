package org.netsecweek.quiz.worker;

import org.netsecweek.platform.problem.DomainProblem;

import org.springframework.http.HttpStatus;

/** The token names a worker this service does not know (for example, after the database was reset). */
public class WorkerNotRegistered extends DomainProblem {

	public WorkerNotRegistered() {
		super(HttpStatus.FORBIDDEN, "worker-not-registered", "请先登记", "没有找到你的登记信息，请重新登录并完成登记。");
	}
}
