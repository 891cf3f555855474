package org.netsecweek.quiz.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalDataTests {

	@TempDir
	Path keys;

	@Test
	void sealsSoThatNothingOfTheValueShowsAndOpensItAgain() {
		PersonalData data = new PersonalData(new PrivacySettings(keys.resolve("pii.key"), true));
		byte[] first = data.seal("张三明");
		byte[] second = data.seal("张三明");

		assertThat(data.open(first)).isEqualTo("张三明");
		assertThat(first).isNotEqualTo(second);
		assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain(
				new String("张三明".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
	}

	@Test
	void fingerprintsAreStableKeyedAndKindSpecific() throws Exception {
		PersonalData data = new PersonalData(new PrivacySettings(keys.resolve("pii.key"), true));
		PersonalData other = new PersonalData(new PrivacySettings(keys.resolve("other.key"), true));

		assertThat(data.fingerprint("phone", "13800138000")).isEqualTo(data.fingerprint("phone", "13800138000"))
			.isNotEqualTo(data.fingerprint("openid", "13800138000"))
			.isNotEqualTo(other.fingerprint("phone", "13800138000"));
		assertThat(Files.readString(keys.resolve("pii.key")).trim()).hasSize(88);
	}

	@Test
	void refusesToStartWithoutAKeyUnlessTheDemoMayMakeOne() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new PersonalData(new PrivacySettings(keys.resolve("missing.key"), false)))
			.withMessageContaining("netsec.quiz.privacy.key-file");
	}
}
