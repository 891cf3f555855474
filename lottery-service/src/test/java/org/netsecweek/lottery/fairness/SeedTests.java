package org.netsecweek.lottery.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class SeedTests {

	private static final byte[] SECRET = HexFormat.of()
		.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

	@Test
	void theCommitmentIsTheHexSha256OfTheSecret() throws Exception {
		Seed seed = new Seed("demo", SECRET);

		assertThat(seed.commitment())
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(SECRET)))
			.hasSize(64);
	}

	@Test
	void aDrawsNumberIsTheHmacOfTheDrawIdsSixteenBytes() throws Exception {
		UUID drawId = UUID.fromString("b4eaf201-6c7d-3e8f-9a01-2b3c4d5e6f72");
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
		byte[] expected = mac.doFinal(HexFormat.of().parseHex("b4eaf2016c7d3e8f9a012b3c4d5e6f72"));

		assertThat(new Seed("demo", SECRET).hmac(drawId)).isEqualTo(expected);
		assertThat(new Seed("demo", SECRET).hmac(UUID.randomUUID())).isNotEqualTo(expected);
	}

	@Test
	void generatedSeedsDifferAndNeverShowTheSecret() {
		SecureRandom random = new SecureRandom();
		Seed one = Seed.generate("demo", random);
		Seed two = Seed.generate("demo", random);

		assertThat(one.commitment()).isNotEqualTo(two.commitment());
		assertThat(one.toString()).contains(one.commitment())
			.doesNotContain(HexFormat.of().formatHex(one.secret()));
	}

	@Test
	void refusesASecretOfAnotherLength() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Seed("demo", new byte[16]));
	}
}
