package org.netsecweek.reporting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.netsecweek.platform.campaign.CampaignDefinition;
import org.netsecweek.platform.campaign.CampaignDefinition.Rules;
import org.netsecweek.platform.campaign.CampaignDefinition.Union;

/** Small campaign definitions for tests without Spring. */
public final class TestCampaigns {

	private TestCampaigns() {
	}

	/** A week like 2022's, with the given unions. */
	public static CampaignDefinition withUnions(Union... unions) {
		return new CampaignDefinition("test-week", "测试活动", "测试工会", "网络安全为人民，网络安全靠人民",
				ZoneId.of("Asia/Shanghai"), LocalDate.of(2022, 9, 5), LocalDate.of(2022, 9, 11), null,
				LocalDateTime.of(2022, 9, 12, 10, 0), new Rules(1, 1, 10, 10), List.of(unions), null, null, null, null, null, null);
	}

	public static Union union(String id, String name, int targetOrganisations, int targetWorkers) {
		return new Union(id, name, targetOrganisations, targetWorkers, null);
	}
}
