package org.netsecweek.platform.campaign;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.netsecweek.platform.problem.DomainProblem;

import org.springframework.http.HttpStatus;

/** The campaigns this service knows, by id, and the one running now. */
public class Campaigns {

	public static final String DEMO_ID = "demo";

	private final Map<String, CampaignDefinition> byId = new LinkedHashMap<>();

	private final String activeId;

	Campaigns(List<CampaignDefinition> definitions, String activeId) {
		definitions.forEach(definition -> byId.put(definition.id(), definition));
		if (!byId.containsKey(activeId)) {
			throw new InvalidCampaignDefinition("netsec.campaign.active is '" + activeId
					+ "', but no campaign definition has that id; known: " + byId.keySet(), null);
		}
		this.activeId = activeId;
	}

	/** The campaign the quiz is running now. */
	public CampaignDefinition active() {
		return byId.get(activeId);
	}

	public Optional<CampaignDefinition> find(String id) {
		return Optional.ofNullable(byId.get(id));
	}

	/** The campaign with that id, or a 404 problem. */
	public CampaignDefinition get(String id) {
		return find(id).orElseThrow(() -> new DomainProblem(HttpStatus.NOT_FOUND, "unknown-campaign", "活动不存在",
				"没有编号为 " + id + " 的活动。"));
	}

	/** The campaign a request names (a 404 problem if unknown), or the running one when it names none. */
	public CampaignDefinition namedOrActive(String id) {
		return id == null ? active() : get(id);
	}

	public List<CampaignDefinition> all() {
		return List.copyOf(byId.values());
	}
}
