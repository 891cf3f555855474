package org.netsecweek.quiz.signin;

import java.util.UUID;

import org.netsecweek.quiz.privacy.PersonalData;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Finds the worker behind a WeChat openid or a verified phone number, creating an unregistered worker on first
 * sign-in. Only keyed hashes are looked up; a verified phone is also kept sealed, for prize delivery.
 */
@Component
class Identities {

	private final DatabaseClient db;

	private final PersonalData personalData;

	Identities(DatabaseClient db, PersonalData personalData) {
		this.db = db;
		this.personalData = personalData;
	}

	Mono<SignedIn> byOpenid(String openid) {
		byte[] hash = personalData.fingerprint("openid", openid);
		return find("openid_hash", hash).switchIfEmpty(Mono.defer(() -> db
			.sql("INSERT INTO worker (id, openid_hash) VALUES (:id, :hash) ON CONFLICT (openid_hash) DO NOTHING")
			.bind("id", UUID.randomUUID())
			.bind("hash", hash)
			.then()
			.then(find("openid_hash", hash))));
	}

	Mono<SignedIn> byPhone(String phone) {
		byte[] hash = personalData.fingerprint("phone", phone);
		return find("phone_hash", hash).switchIfEmpty(Mono.defer(() -> db
			.sql("INSERT INTO worker (id, phone_hash, phone_sealed) VALUES (:id, :hash, :sealed) "
					+ "ON CONFLICT (phone_hash) DO NOTHING")
			.bind("id", UUID.randomUUID())
			.bind("hash", hash)
			.bind("sealed", personalData.seal(phone))
			.then()
			.then(find("phone_hash", hash))));
	}

	private Mono<SignedIn> find(String column, byte[] hash) {
		return db.sql("SELECT id, registered_at IS NOT NULL AS registered FROM worker WHERE " + column + " = :hash")
			.bind("hash", hash)
			.map(row -> new SignedIn(row.get("id", UUID.class), Boolean.TRUE.equals(row.get("registered", Boolean.class))))
			.one();
	}

	/** The worker who signed in, and whether they still have to register. */
	record SignedIn(UUID workerId, boolean registered) {
	}
}
