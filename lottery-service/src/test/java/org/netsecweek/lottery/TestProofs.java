package org.netsecweek.lottery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.r2dbc.core.DatabaseClient;

/** Recomputes fairness proofs the way an outside verifier would, independently of the service's code. */
public final class TestProofs {

	private TestProofs() {
	}

	public static byte[] storedSeed(DatabaseClient db, String campaignId) {
		return db.sql("SELECT seed FROM fairness_seed WHERE campaign_id = :campaign")
			.bind("campaign", campaignId)
			.map(row -> row.get("seed", byte[].class))
			.one()
			.block();
	}

	public static String sha256Hex(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String sha256Hex(String text) {
		return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
	}

	/** HMAC-SHA256 keyed with the seed over the draw id's 16 bytes, read off its canonical text form. */
	public static byte[] hmac(byte[] seed, UUID drawId) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(seed, "HmacSHA256"));
			return mac.doFinal(HexFormat.of().parseHex(drawId.toString().replace("-", "")));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
