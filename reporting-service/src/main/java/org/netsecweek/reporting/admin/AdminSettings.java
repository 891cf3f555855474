package org.netsecweek.reporting.admin;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.netsecweek.platform.security.Role;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The admins who may sign in to the staff console. Never committed: the launcher or the deployment passes them,
 * e.g. {@code netsec.admin.accounts[0].username=province}, {@code ...password-hash=$2a$12$...},
 * {@code ...role=PROVINCE_ADMIN}; a union admin also has {@code ...union-id=harbin}.
 *
 * @param accounts the accounts; none means nobody can sign in (the service still counts and reports)
 */
@Validated
@ConfigurationProperties("netsec.admin")
record AdminSettings(@NotNull @DefaultValue List<@NotNull @Valid Account> accounts) {

	/**
	 * One admin account.
	 *
	 * @param passwordHash the BCrypt hash of the password (checked for its shape at start-up without printing it)
	 * @param role {@link Role#UNION_ADMIN} or {@link Role#PROVINCE_ADMIN}
	 * @param unionId the union a union admin is bound to (a union of the active campaign); none for a province admin
	 */
	record Account(@NotBlank String username, @NotBlank String passwordHash, @NotNull Role role, String unionId) {

		/** Workers sign in at quiz-service; an admin account with the worker role would bypass that. */
		@AssertTrue(message = "must be UNION_ADMIN or PROVINCE_ADMIN")
		boolean isAdminRole() {
			return role != Role.WORKER;
		}

		/** A union admin sees exactly one union's data; a province admin sees all, so has no union. */
		@AssertTrue(message = "union-id is required for UNION_ADMIN and must be absent for PROVINCE_ADMIN")
		boolean isUnionBoundByRole() {
			return role != Role.UNION_ADMIN ? unionId == null : unionId != null && !unionId.isBlank();
		}

		@Override
		public String toString() {
			return "Account[username=" + username + ", role=" + role + ", unionId=" + unionId + "]";
		}
	}
}
