package org.netsecweek.lottery.draw;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The hash of a draw log entry, shared by the writer ({@link DrawLog}) and the verifier ({@link DrawVerification}):
 * {@code hex SHA-256(UTF-8 of previousHash|drawId|drawHmac|outcome|prizeId|day)}, an empty prize id for no prize,
 * the campaign day as a decimal number, and {@link #GENESIS} before a campaign's first entry. An entry logged before
 * days were (day {@code null}) hashes without {@code |day}.
 */
final class ChainHash {

	static final String GENESIS = "0".repeat(64);

	private ChainHash() {
	}

	static String of(String previousHash, UUID drawId, String drawHmac, String outcome, String prizeId, Integer day) {
		String text = String.join("|", previousHash, String.valueOf(drawId), drawHmac, outcome,
				prizeId == null ? "" : prizeId) + (day == null ? "" : "|" + day);
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}
}
