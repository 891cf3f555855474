package org.netsecweek.reporting.admin;

import org.netsecweek.platform.campaign.Campaigns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AdminConfiguration {

	private static final Logger log = LoggerFactory.getLogger(AdminConfiguration.class);

	/** Union admins are checked against the campaign running now, the one whose progress they follow. */
	@Bean
	AdminAccounts adminAccounts(AdminSettings settings, Campaigns campaigns) {
		AdminAccounts accounts = new AdminAccounts(settings, campaigns.active());
		if (accounts.size() == 0) {
			log.warn("No admin accounts configured (netsec.admin.accounts): nobody can sign in to the staff console");
		}
		return accounts;
	}
}
