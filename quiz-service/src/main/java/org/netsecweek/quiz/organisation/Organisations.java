package org.netsecweek.quiz.organisation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/** The directory. Seeded from {@code organisations/directory.csv} when empty. */
@Component
public class Organisations {

	private static final Logger log = LoggerFactory.getLogger(Organisations.class);

	private final DatabaseClient db;

	private final TransactionalOperator transaction;

	Organisations(DatabaseClient db, ReactiveTransactionManager transactions) {
		this.db = db;
		this.transaction = TransactionalOperator.create(transactions);
	}

	public Flux<Organisation> of(String unionId) {
		return db.sql("SELECT id, union_id, name FROM organisation WHERE union_id = :union ORDER BY id")
			.bind("union", unionId)
			.map(row -> new Organisation(row.get("id", String.class), row.get("union_id", String.class),
					row.get("name", String.class)))
			.all();
	}

	public Mono<Organisation> find(String id) {
		return db.sql("SELECT id, union_id, name FROM organisation WHERE id = :id")
			.bind("id", id)
			.map(row -> new Organisation(row.get("id", String.class), row.get("union_id", String.class),
					row.get("name", String.class)))
			.one();
	}

	/** The stored organisations among these ids, by id. */
	Mono<java.util.Map<String, Organisation>> existing(List<String> ids) {
		return db.sql("SELECT id, union_id, name FROM organisation WHERE id = ANY(:ids)")
			.bind("ids", ids.toArray(String[]::new))
			.map(row -> new Organisation(row.get("id", String.class), row.get("union_id", String.class),
					row.get("name", String.class)))
			.all()
			.collectMap(Organisation::id);
	}

	/** Adds or renames the organisations, all in one transaction; emits how many rows changed. */
	Mono<Long> upsert(List<Organisation> organisations) {
		return transaction.transactional(Flux.fromIterable(organisations)
			.concatMap(org -> db.sql("INSERT INTO organisation (id, union_id, name) VALUES (:id, :union, :name) "
					+ "ON CONFLICT (id) DO UPDATE SET union_id = EXCLUDED.union_id, name = EXCLUDED.name, updated_at = now() "
					+ "WHERE organisation.union_id IS DISTINCT FROM EXCLUDED.union_id OR organisation.name IS DISTINCT FROM EXCLUDED.name")
				.bind("id", org.id())
				.bind("union", org.unionId())
				.bind("name", org.name())
				.fetch()
				.rowsUpdated())
			.reduce(0L, Long::sum));
	}

	@EventListener(ApplicationReadyEvent.class)
	void seedWhenEmpty() {
		Long count = db.sql("SELECT count(*) AS n FROM organisation").map(row -> row.get("n", Long.class)).one().block();
		if (count != null && count > 0) {
			return;
		}
		try {
			String csv = new ClassPathResource("organisations/directory.csv").getContentAsString(StandardCharsets.UTF_8);
			var parsed = DirectoryCsv.parse(csv, union -> true, union -> true);
			if (!parsed.problems().isEmpty()) {
				throw new IllegalStateException("organisations/directory.csv: " + parsed.problems());
			}
			upsert(parsed.organisations()).block();
			log.info("Seeded the organisation directory with {} organisations", parsed.organisations().size());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
