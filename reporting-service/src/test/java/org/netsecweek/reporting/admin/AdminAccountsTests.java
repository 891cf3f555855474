package org.netsecweek.reporting.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.security.Role;
import org.netsecweek.reporting.TestCampaigns;
import org.netsecweek.reporting.admin.AdminSettings.Account;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class AdminAccountsTests {

	private static final String HASH = new BCryptPasswordEncoder(4).encode("secret");

	private static final CampaignDefinition CAMPAIGN = TestCampaigns
		.withUnions(TestCampaigns.union("harbin", "哈尔滨市", 6, 1400));

	private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

	@Test
	void findsTheAccountOnlyWithItsPassword() {
		AdminAccounts accounts = accounts(new Account("province", HASH, Role.PROVINCE_ADMIN, null));

		assertThat(accounts.authenticate("province", "secret")).map(Account::role).contains(Role.PROVINCE_ADMIN);
		assertThat(accounts.authenticate("province", "Secret")).isEmpty();
		assertThat(accounts.authenticate("nobody", "secret")).isEmpty();
		assertThat(accounts.authenticate("province", "密".repeat(30))).isEmpty(); // 90 bytes, beyond BCrypt's 72
	}

	@Test
	void refusesAUnionAdminOfAUnionOutsideTheActiveCampaign() {
		assertThatIllegalStateException()
			.isThrownBy(() -> accounts(new Account("hegang-admin", HASH, Role.UNION_ADMIN, "hegang")))
			.withMessageContaining("union-id 'hegang' of 'hegang-admin'")
			.withMessageContaining("test-week");
	}

	@Test
	void refusesAHashThatIsNotBCryptWithoutPrintingIt() {
		assertThatIllegalStateException()
			.isThrownBy(() -> accounts(new Account("province", "plain-password", Role.PROVINCE_ADMIN, null)))
			.withMessageContaining("password-hash of 'province' is not a BCrypt hash")
			.withMessageNotContaining("plain-password");
	}

	@Test
	void refusesTwoAccountsWithOneUserName() {
		assertThatIllegalStateException()
			.isThrownBy(() -> accounts(new Account("admin", HASH, Role.PROVINCE_ADMIN, null),
					new Account("admin", HASH, Role.UNION_ADMIN, "harbin")))
			.withMessageContaining("user name 'admin' is used by 2 accounts");
	}

	@Test
	void aUnionAdminNeedsAUnionAndAProvinceAdminHasNoneAndWorkersAreNoAdmins() {
		assertThat(violations(new Account("a", HASH, Role.UNION_ADMIN, "harbin"))).isEmpty();
		assertThat(violations(new Account("a", HASH, Role.PROVINCE_ADMIN, null))).isEmpty();
		assertThat(violations(new Account("a", HASH, Role.UNION_ADMIN, null))).containsExactly("unionBoundByRole");
		assertThat(violations(new Account("a", HASH, Role.PROVINCE_ADMIN, "harbin")))
			.containsExactly("unionBoundByRole");
		assertThat(violations(new Account("a", HASH, Role.WORKER, null))).containsExactly("adminRole");
	}

	@Test
	void anAccountPrintsWithoutItsHash() {
		assertThat(new Account("province", HASH, Role.PROVINCE_ADMIN, null).toString()).doesNotContain(HASH);
	}

	private static AdminAccounts accounts(Account... accounts) {
		return new AdminAccounts(new AdminSettings(List.of(accounts)), CAMPAIGN);
	}

	private List<String> violations(Account account) {
		return validator.validate(account).stream().map(v -> v.getPropertyPath().toString()).sorted().toList();
	}
}
