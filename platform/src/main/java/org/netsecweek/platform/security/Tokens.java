package org.netsecweek.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.util.function.SingletonSupplier;

/** Issues the suite's signed tokens. Only quiz-service (workers) and reporting-service (admins) call it. */
public class Tokens {

	static final String ROLE_CLAIM = "role";

	static final String UNION_CLAIM = "union";

	private final SigningKeys keys;

	private final SecuritySettings settings;

	private final Clock clock;

	private final Supplier<JwtEncoder> encoder;

	Tokens(SigningKeys keys, SecuritySettings settings, Clock clock) {
		this.keys = keys;
		this.settings = settings;
		this.clock = clock;
		this.encoder = SingletonSupplier.of(() -> new NimbusJwtEncoder(new ImmutableJWKSet<>(
				new JWKSet(new RSAKey.Builder(keys.publicKey()).privateKey(keys.privateKey()).build()))));
	}

	/**
	 * A signed token for the caller.
	 * @return the compact JWT
	 */
	public IssuedToken issue(Caller caller) {
		Instant now = clock.instant();
		Instant expiresAt = now.plus(settings.tokenLifetime());
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(settings.issuer())
			.subject(caller.subject())
			.issuedAt(now)
			.expiresAt(expiresAt)
			.claim(ROLE_CLAIM, caller.role().name());
		if (caller.unionId() != null) {
			claims.claim(UNION_CLAIM, caller.unionId());
		}
		String token = encoder.get()
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims.build()))
			.getTokenValue();
		return new IssuedToken(token, expiresAt);
	}

	/**
	 * A token and when it stops being accepted.
	 *
	 * @param token the compact JWT, sent as {@code Authorization: Bearer <token>}
	 * @param expiresAt when it expires
	 */
	public record IssuedToken(String token, Instant expiresAt) {
	}
}
