package org.netsecweek.platform.security;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Checks a token's signature once. A phone sends the same token with every request of its session (paper, answers,
 * balance polls, draws), and decoding it and verifying its RSA signature each time took about 3 % of the suite's Java
 * CPU samples in the morning rush (docs/benchmarks.md, 2026-12-05). A verified token is kept (by its exact text, a bounded number, dropped after an idle while);
 * each later request with it has the token's expiry and issuer checked again by the same validator, so an expired
 * token is refused as before. A token that fails is never kept. The signing key is fixed for the process's life, so
 * a signature once valid stays valid.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

	/** More than the phones one instance serves at once in a rush; a few KB each. */
	static final int MAXIMUM_SIZE = 20_000;

	private final ReactiveJwtDecoder verifier;

	private final OAuth2TokenValidator<Jwt> validator;

	private final Cache<String, Jwt> verified = Caffeine.newBuilder()
		.maximumSize(MAXIMUM_SIZE)
		.expireAfterAccess(Duration.ofMinutes(30))
		.build();

	/**
	 * @param verifier decodes, verifies the signature and validates with {@code validator}
	 */
	VerifiedTokens(ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> validator) {
		this.verifier = verifier;
		this.validator = validator;
	}

	ReactiveJwtDecoder verifier() {
		return verifier;
	}

	OAuth2TokenValidator<Jwt> validator() {
		return validator;
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Jwt known = verified.getIfPresent(token);
		if (known != null) {
			if (!validator.validate(known).hasErrors()) {
				return Mono.just(known);
			}
			verified.invalidate(token);
		}
		// unknown or no longer valid: the whole check, which also gives the usual refusal
		return verifier.decode(token).doOnNext(jwt -> verified.put(token, jwt));
	}
}
