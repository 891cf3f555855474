package org.netsecweek.reporting.activity;

import org.netsecweek.platform.problem.DomainProblem;

import org.springframework.http.HttpStatus;

/** The ways recording an offline activity fails; Chinese messages, because union staff read them. */
final class ActivityProblems {

	private ActivityProblems() {
	}

	static DomainProblem frozen(String deadline) {
		return new DomainProblem(HttpStatus.CONFLICT, "activities-frozen", "线下活动已封存",
				"报送截止时间（" + deadline + "）已过，线下活动记录已随报表封存，不能再新增、修改或删除。");
	}

	static DomainProblem dateOutsideWindow(String from, String to) {
		return new DomainProblem(HttpStatus.BAD_REQUEST, "date-outside-window", "活动日期不在宣传周内",
				"活动日期须在 " + from + " 至 " + to + " 之间。");
	}

	static DomainProblem unknownOrganisation(String orgId) {
		return new DomainProblem(HttpStatus.BAD_REQUEST, "unknown-organisation", "基层组织不存在",
				"基层工会组织 " + orgId + " 不在组织名录中，请检查后重新选择。");
	}

	static DomainProblem organisationOfOtherUnion(String orgId, String unionId) {
		return new DomainProblem(HttpStatus.BAD_REQUEST, "organisation-of-other-union", "基层组织不属于该工会",
				"基层工会组织 " + orgId + " 不属于工会 " + unionId + "，请选择本工会的基层组织。");
	}

	static DomainProblem notFound() {
		return new DomainProblem(HttpStatus.NOT_FOUND, "activity-not-found", "活动记录不存在", "没有找到这条线下活动记录。");
	}

	static DomainProblem requestIdReused() {
		return new DomainProblem(HttpStatus.CONFLICT, "request-id-reused", "请求编号已被使用",
				"这个请求编号已用于另一条内容不同的活动记录；新增活动请使用新的请求编号。");
	}
}
