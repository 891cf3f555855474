package org.netsecweek.platform.security;

/** Who a caller is. */
public enum Role {

	/** A worker taking part in the quiz; the token's subject is the pseudonymous worker id. */
	WORKER,

	/** Staff of one city or industry union; sees and changes only that union's data. */
	UNION_ADMIN,

	/** Staff of the provincial federation; sees everything. */
	PROVINCE_ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}
}
