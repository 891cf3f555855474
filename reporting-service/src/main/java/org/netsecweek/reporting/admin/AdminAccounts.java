package org.netsecweek.reporting.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.reporting.admin.AdminSettings.Account;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The configured admin accounts and their password check. Checked at start-up: a broken account stops the service
 * with a message naming the account, never printing its hash.
 */
class AdminAccounts {

	private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$(\\d\\d)\\$[./0-9A-Za-z]{53}");

	private static final int DEFAULT_COST = 10;

	private final Map<String, Account> byUsername;

	private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

	/** Checked when the user name is unknown, so that the answer takes as long as for a known one. */
	private final String dummyHash;

	AdminAccounts(AdminSettings settings, CampaignDefinition activeCampaign) {
		List<String> problems = problems(settings.accounts(), activeCampaign);
		if (!problems.isEmpty()) {
			throw new IllegalStateException("netsec.admin.accounts: " + String.join("; ", problems));
		}
		this.byUsername = settings.accounts()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Account::username, Function.identity()));
		int cost = settings.accounts().stream().mapToInt(account -> cost(account.passwordHash())).max()
			.orElse(DEFAULT_COST);
		this.dummyHash = new BCryptPasswordEncoder(cost).encode(UUID.randomUUID().toString());
	}

	/**
	 * The account with this user name and password, or empty. Runs exactly one BCrypt check whether or not the user
	 * exists, so neither the answer nor its timing tells a caller which user names exist.
	 */
	Optional<Account> authenticate(String username, String password) {
		Account account = byUsername.get(username);
		boolean matches = matches(password, account == null ? dummyHash : account.passwordHash());
		return account != null && matches ? Optional.of(account) : Optional.empty();
	}

	int size() {
		return byUsername.size();
	}

	private boolean matches(String password, String hash) {
		try {
			return bcrypt.matches(password, hash);
		}
		catch (IllegalArgumentException ex) {
			return false; // longer than BCrypt's 72 bytes: refused the same way for every user name
		}
	}

	private static List<String> problems(List<Account> accounts, CampaignDefinition campaign) {
		List<String> problems = new ArrayList<>();
		accounts.stream()
			.collect(Collectors.groupingBy(Account::username, Collectors.counting()))
			.forEach((username, count) -> {
				if (count > 1) {
					problems.add("user name '" + username + "' is used by " + count + " accounts");
				}
			});
		for (Account account : accounts) {
			if (!BCRYPT.matcher(account.passwordHash()).matches()) {
				problems.add("password-hash of '" + account.username() + "' is not a BCrypt hash");
			}
			if (account.unionId() != null && campaign.union(account.unionId()).isEmpty()) {
				problems.add("union-id '" + account.unionId() + "' of '" + account.username()
						+ "' is not a union of the active campaign " + campaign.id());
			}
		}
		return problems;
	}

	private static int cost(String hash) {
		Matcher matcher = BCRYPT.matcher(hash);
		return matcher.matches() ? Integer.parseInt(matcher.group(1)) : DEFAULT_COST;
	}
}
