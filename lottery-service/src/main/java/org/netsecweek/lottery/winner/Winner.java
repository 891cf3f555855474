package org.netsecweek.lottery.winner;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A prize won, as the staff who hand it over see it.
 *
 * @param workerId the pseudonymous worker id (quiz-service's delivery list has the name and phone)
 * @param value what one unit is worth in yuan, or {@code null}
 * @param redemptionCode the code the winner shows; a bearer secret, for admins only
 * @param delivery when, by whom and how the prize was handed over; absent until then
 */
record Winner(UUID drawId, String campaignId, UUID workerId, String unionId, String orgId, String prizeId,
		String prizeName, BigDecimal value, Instant wonAt, String redemptionCode,
		@JsonInclude(JsonInclude.Include.NON_NULL) Delivery delivery) {

	boolean isDelivered() {
		return delivery != null;
	}

	@Override
	public String toString() {
		return "Winner[drawId=" + drawId + ", campaignId=" + campaignId + ", unionId=" + unionId + ", prizeId="
				+ prizeId + ", delivered=" + isDelivered() + "]";
	}

	/**
	 * @param deliveredBy the admin's user name
	 * @param role the admin's role then
	 * @param via {@code DRAW_ID} (from the winners list) or {@code REDEMPTION_CODE} (the winner showed the code)
	 * @param note what the admin noted, or {@code null}
	 */
	record Delivery(Instant deliveredAt, String deliveredBy, String role, String via, String note) {
	}
}
