package org.netsecweek.lottery.draw;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The hash of a draw log entry, shared by the writer ({@link DrawLog}) and the verifier ({@link DrawVerification}):
 * {@code hex SHA-256(UTF-8 of previousHash|drawId|drawHmac|outcome|prizeId)}, an empty prize id for no prize and
 * {@link #GENESIS} before a campaign's first entry.
 */
final class ChainHash {

	static final String GENESIS = "0".repeat(64);

	private ChainHash() {
	}

	static String of(String previousHash, UUID drawId, String drawHmac, String outcome, String prizeId) {
		String text = String.join("|", previousHash, String.valueOf(drawId), drawHmac, outcome,
				prizeId == null ? "" : prizeId);
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}
}
