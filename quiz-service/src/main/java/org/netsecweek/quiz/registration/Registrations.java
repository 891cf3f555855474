package org.netsecweek.quiz.registration;

import java.util.UUID;

import org.netsecweek.quiz.privacy.Masks;
import org.netsecweek.quiz.privacy.PersonalData;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** Registration data of workers, sealed. */
@Component
class Registrations {

	private final DatabaseClient db;

	private final PersonalData personalData;

	Registrations(DatabaseClient db, PersonalData personalData) {
		this.db = db;
		this.personalData = personalData;
	}

	Mono<Profile> profile(UUID worker) {
		return db.sql("SELECT union_id, org_id, name_sealed, phone_sealed, registered_at IS NOT NULL AS registered "
				+ "FROM worker WHERE id = :id")
			.bind("id", worker)
			.map(row -> new Profile(Boolean.TRUE.equals(row.get("registered", Boolean.class)),
					row.get("union_id", String.class), row.get("org_id", String.class),
					open(row.get("name_sealed", byte[].class)), open(row.get("phone_sealed", byte[].class))))
			.one();
	}

	/**
	 * Registers the worker once. The phone's keyed hash is unique: a phone registered by another worker is refused.
	 * Emits {@code false} if the worker was already registered.
	 */
	Mono<Boolean> register(UUID worker, Registration registration) {
		return db.sql("UPDATE worker SET union_id = :union, org_id = :org, name_sealed = :name, phone_sealed = :phone, "
				+ "phone_hash = :phoneHash, consent_version = :consent, registered_at = now() "
				+ "WHERE id = :id AND registered_at IS NULL")
			.bind("union", registration.unionId())
			.bind("org", registration.orgId())
			.bind("name", personalData.seal(registration.name()))
			.bind("phone", personalData.seal(registration.phone()))
			.bind("phoneHash", personalData.fingerprint("phone", registration.phone()))
			.bind("consent", registration.consentVersion())
			.bind("id", worker)
			.fetch()
			.rowsUpdated()
			.map(rows -> rows == 1)
			.onErrorMap(DataIntegrityViolationException.class, ex -> RegistrationProblems.phoneTaken());
	}

	private String open(byte[] sealed) {
		return sealed == null ? null : personalData.open(sealed);
	}

	/** What the worker registered; {@link #masked()} is what any page shows. */
	record Profile(boolean registered, String unionId, String orgId, String name, String phone) {

		Profile masked() {
			return new Profile(registered, unionId, orgId, name == null ? null : Masks.name(name),
					phone == null ? null : Masks.phone(phone));
		}
	}
}
