package org.netsecweek.lottery.fairness;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A campaign's secret seed. Its commitment, hex SHA-256 of the seed, is public from the start; once the seed is
 * revealed anyone can check the commitment and recompute every draw's random number. Not a record, so the secret
 * never ends up in a log line through {@code toString}.
 */
public final class Seed {

	static final int LENGTH = 32;

	private final String campaignId;

	private final byte[] secret;

	private final String commitment;

	Seed(String campaignId, byte[] secret) {
		if (secret.length != LENGTH) {
			throw new IllegalArgumentException("A seed has " + LENGTH + " bytes, not " + secret.length);
		}
		this.campaignId = campaignId;
		this.secret = secret.clone();
		this.commitment = commitmentOf(secret);
	}

	/** A revealed seed, as a verifier holds it: from its 32 bytes. */
	public static Seed of(String campaignId, byte[] secret) {
		return new Seed(campaignId, secret);
	}

	static Seed generate(String campaignId, SecureRandom random) {
		byte[] secret = new byte[LENGTH];
		random.nextBytes(secret);
		return new Seed(campaignId, secret);
	}

	public String campaignId() {
		return campaignId;
	}

	/** Hex SHA-256 of the seed. */
	public String commitment() {
		return commitment;
	}

	/**
	 * The random number of a draw: HMAC-SHA256 keyed with the seed over the draw id's 16 bytes (most significant
	 * half first). The draw id comes from the request, so neither side can pick a favourable number.
	 */
	public byte[] hmac(UUID drawId) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			return mac.doFinal(ByteBuffer.allocate(16)
				.putLong(drawId.getMostSignificantBits())
				.putLong(drawId.getLeastSignificantBits())
				.array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

	byte[] secret() {
		return secret.clone();
	}

	static String commitmentOf(byte[] secret) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	@Override
	public String toString() {
		return "Seed[campaign=" + campaignId + ", commitment=" + commitment + "]";
	}
}
