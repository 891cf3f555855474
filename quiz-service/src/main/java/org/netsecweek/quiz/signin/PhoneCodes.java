package org.netsecweek.quiz.signin;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;

import org.netsecweek.quiz.privacy.PersonalData;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * One-time sign-in codes: six digits, one live code per phone, valid for a few minutes, void after a few wrong
 * guesses, used once. Only keyed hashes of the phone and the code are stored.
 */
@Component
class PhoneCodes {

	private final DatabaseClient db;

	private final PersonalData personalData;

	private final SignInSettings.Phone settings;

	private final TransactionalOperator transaction;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	PhoneCodes(DatabaseClient db, PersonalData personalData, SignInSettings settings,
			ReactiveTransactionManager transactions, Clock clock) {
		this.db = db;
		this.personalData = personalData;
		this.settings = settings.phone();
		this.transaction = TransactionalOperator.create(transactions);
		this.clock = clock;
	}

	/** A new code for the phone, or a 429 problem when one was sent too recently or too often today. */
	Mono<String> issue(String phone) {
		byte[] phoneHash = personalData.fingerprint("phone", phone);
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.ofHours(8));
		String code = String.format("%06d", random.nextInt(1_000_000));
		Mono<String> work = db.sql("SELECT sent_at, sent_on, sent_count FROM phone_code WHERE phone_hash = :phone FOR UPDATE")
			.bind("phone", phoneHash)
			.map(row -> new Sent(row.get("sent_at", Instant.class), row.get("sent_on", LocalDate.class),
					row.get("sent_count", Integer.class)))
			.one()
			.defaultIfEmpty(new Sent(Instant.EPOCH, today, 0))
			.flatMap(sent -> {
				Duration since = Duration.between(sent.at(), now);
				if (since.compareTo(settings.resendAfter()) < 0) {
					return Mono.error(SignInProblems.tooSoon(settings.resendAfter().minus(since).toSeconds() + 1));
				}
				int count = sent.on().equals(today) ? sent.count() : 0;
				if (count >= settings.maxCodesPerDay()) {
					return Mono.error(SignInProblems.tooManyToday());
				}
				return db.sql("INSERT INTO phone_code (phone_hash, code_hash, expires_at, failures, sent_at, sent_on, "
						+ "sent_count) VALUES (:phone, :code, :expires, 0, :now, :today, :count) ON CONFLICT (phone_hash) "
						+ "DO UPDATE SET code_hash = EXCLUDED.code_hash, expires_at = EXCLUDED.expires_at, failures = 0, "
						+ "sent_at = EXCLUDED.sent_at, sent_on = EXCLUDED.sent_on, sent_count = EXCLUDED.sent_count")
					.bind("phone", phoneHash)
					.bind("code", codeHash(phone, code))
					.bind("expires", now.plus(settings.codeLifetime()))
					.bind("now", now)
					.bind("today", today)
					.bind("count", count + 1)
					.then()
					.thenReturn(code);
			});
		return transaction.transactional(work);
	}

	/**
	 * Signs in with the code: when it is the phone's live code, it is used up and {@code signIn} runs in the same
	 * transaction, so a database outage between the two cannot use up a code without signing anyone in (the fault
	 * suite saw workers refused their still-valid code after PostgreSQL came back); a wrong one counts against it.
	 * Empty when the code was wrong, used or expired.
	 */
	<T> Mono<T> redeem(String phone, String code, Supplier<Mono<T>> signIn) {
		byte[] phoneHash = personalData.fingerprint("phone", phone);
		Mono<Optional<T>> work = db.sql("SELECT code_hash, expires_at, failures FROM phone_code WHERE phone_hash = :phone FOR UPDATE")
			.bind("phone", phoneHash)
			.map(row -> new Live(row.get("code_hash", byte[].class), row.get("expires_at", Instant.class),
					row.get("failures", Integer.class)))
			.one()
			.flatMap(live -> {
				boolean usable = live.expiresAt().isAfter(clock.instant()) && live.failures() < settings.maxFailures();
				if (usable && MessageDigest.isEqual(live.codeHash(), codeHash(phone, code))) {
					return db.sql("UPDATE phone_code SET expires_at = :now WHERE phone_hash = :phone")
						.bind("now", clock.instant())
						.bind("phone", phoneHash)
						.then()
						.then(signIn.get().map(Optional::of));
				}
				return db.sql("UPDATE phone_code SET failures = failures + 1 WHERE phone_hash = :phone")
					.bind("phone", phoneHash)
					.then()
					.thenReturn(Optional.<T>empty());
			})
			.defaultIfEmpty(Optional.empty());
		return transaction.transactional(work).flatMap(Mono::justOrEmpty);
	}

	private byte[] codeHash(String phone, String code) {
		return personalData.fingerprint("code", phone + "|" + code);
	}

	private record Sent(Instant at, LocalDate on, int count) {
	}

	private record Live(byte[] codeHash, Instant expiresAt, int failures) {
	}
}
