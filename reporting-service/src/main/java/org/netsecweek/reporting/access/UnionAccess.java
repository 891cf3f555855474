package org.netsecweek.reporting.access;

import org.netsecweek.platform.problem.DomainProblem;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;

import org.springframework.http.HttpStatus;

/** Who may see and change which union's data: a province admin every union, a union admin only their own. */
public final class UnionAccess {

	private UnionAccess() {
	}

	/** Passes if the caller may see or change this union's data; otherwise a 403 problem. */
	public static void require(Caller caller, String unionId) {
		if (!caller.mayAccessUnion(unionId)) {
			throw new DomainProblem(HttpStatus.FORBIDDEN, "other-union", "无权访问其他工会的数据",
					"当前账号只能查看和填报本工会的数据。");
		}
	}

	/** Passes for a province admin; otherwise a 403 problem. */
	public static void requireProvince(Caller caller) {
		if (caller.role() != Role.PROVINCE_ADMIN) {
			throw new DomainProblem(HttpStatus.FORBIDDEN, "province-only", "仅限省总工会管理员",
					"此操作仅限省总工会管理员进行。");
		}
	}
}
