package org.netsecweek.platform.campaign;

/** A campaign definition that cannot be used; the message names the file, the field and the problem. */
public class InvalidCampaignDefinition extends IllegalStateException {

	InvalidCampaignDefinition(String message, Throwable cause) {
		super(message, cause);
	}
}
