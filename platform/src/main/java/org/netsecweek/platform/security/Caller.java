package org.netsecweek.platform.security;

import java.util.UUID;

import org.netsecweek.platform.problem.DomainProblem;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The verified caller of a request.
 *
 * @param subject the token's subject: the pseudonymous worker id, or the admin's user name
 * @param role the caller's role
 * @param unionId the union a {@link Role#UNION_ADMIN} is bound to; {@code null} for other roles
 */
public record Caller(String subject, Role role, String unionId) {

	public static Caller of(Jwt jwt) {
		return new Caller(jwt.getSubject(), Role.valueOf(jwt.getClaimAsString(Tokens.ROLE_CLAIM)),
				jwt.getClaimAsString(Tokens.UNION_CLAIM));
	}

	/** The worker id of a worker caller; any other caller gets a 403 problem. */
	public UUID workerId() {
		if (role != Role.WORKER) {
			throw new DomainProblem(HttpStatus.FORBIDDEN, "workers-only", "仅限职工使用", "此功能仅供参加答题的职工使用。");
		}
		return UUID.fromString(subject);
	}

	/** Whether this caller may see or change data of the given union. */
	public boolean mayAccessUnion(String union) {
		return role == Role.PROVINCE_ADMIN || (role == Role.UNION_ADMIN && union != null && union.equals(unionId));
	}
}
