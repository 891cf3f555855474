package org.netsecweek.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

class VerifiedTokensTests {

	@TempDir
	Path keys;

	final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-06T00:00:00Z"));

	final Clock clock = new Clock() {

		@Override
		public Instant instant() {
			return now.get();
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}
	};

	final AtomicInteger verifications = new AtomicInteger();

	SecuritySettings settings() {
		return new SecuritySettings(keys, true, "netsec-week", Duration.ofHours(12), List.of(), List.of(), List.of());
	}

	/** The decoder the services use, its full check counted. */
	ReactiveJwtDecoder decoder() {
		VerifiedTokens suite = (VerifiedTokens) new SecurityConfiguration().jwtDecoder(SigningKeys.load(settings()),
				settings(), clock);
		return new VerifiedTokens(token -> {
			verifications.incrementAndGet();
			return suite.verifier().decode(token);
		}, suite.validator());
	}

	String token() {
		return new Tokens(SigningKeys.load(settings()), settings(), clock)
			.issue(new Caller(UUID.randomUUID().toString(), Role.WORKER, null))
			.token();
	}

	@Test
	void aTokenIsVerifiedOnceAndThenRecognised() {
		ReactiveJwtDecoder decoder = decoder();
		String token = token();

		String first = decoder.decode(token).block().getSubject();
		String again = decoder.decode(token).block().getSubject();

		assertThat(again).isEqualTo(first);
		assertThat(verifications).hasValue(1);
	}

	@Test
	void aRecognisedTokenIsStillRefusedOnceItExpired() {
		ReactiveJwtDecoder decoder = decoder();
		String token = token();
		decoder.decode(token).block();

		now.set(now.get().plus(Duration.ofHours(13)));

		assertThatThrownBy(() -> decoder.decode(token).block()).isInstanceOf(JwtException.class)
			.hasMessageContaining("expired");
		assertThatThrownBy(() -> decoder.decode(token).block()).isInstanceOf(JwtException.class);
	}

	@Test
	void aTamperedTokenIsRefusedEveryTimeAndNeverKept() {
		ReactiveJwtDecoder decoder = decoder();
		String token = token();
		decoder.decode(token).block();
		String[] parts = token.split("\\.");
		String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

		assertThatThrownBy(() -> decoder.decode(tampered).block()).isInstanceOf(JwtException.class);
		assertThatThrownBy(() -> decoder.decode(tampered).block()).isInstanceOf(JwtException.class);
		assertThat(verifications).as("the good token once, the tampered one each time").hasValue(3);
	}
}
