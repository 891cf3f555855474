package org.netsecweek.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netsecweek.platform.problem.DomainProblem;

class CallerTests {

	@Test
	void aUnionAdminReachesOnlyTheirOwnUnion() {
		Caller admin = new Caller("hrb", Role.UNION_ADMIN, "harbin");
		assertThat(admin.mayAccessUnion("harbin")).isTrue();
		assertThat(admin.mayAccessUnion("daqing")).isFalse();
		assertThat(admin.mayAccessUnion(null)).isFalse();
	}

	@Test
	void aProvinceAdminReachesEveryUnionAndAWorkerNone() {
		assertThat(new Caller("p", Role.PROVINCE_ADMIN, null).mayAccessUnion("daqing")).isTrue();
		assertThat(new Caller(UUID.randomUUID().toString(), Role.WORKER, null).mayAccessUnion("harbin")).isFalse();
	}

	@Test
	void onlyAWorkerHasAWorkerId() {
		UUID id = UUID.randomUUID();
		assertThat(new Caller(id.toString(), Role.WORKER, null).workerId()).isEqualTo(id);
		assertThatThrownBy(() -> new Caller("p", Role.PROVINCE_ADMIN, null).workerId()).isInstanceOf(DomainProblem.class)
			.extracting(ex -> ((DomainProblem) ex).status().value()).isEqualTo(403);
	}
}
