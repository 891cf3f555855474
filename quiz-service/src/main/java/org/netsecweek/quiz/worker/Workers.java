package org.netsecweek.quiz.worker;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** Registered workers. */
@Component
public class Workers {

	private final DatabaseClient db;

	Workers(DatabaseClient db) {
		this.db = db;
	}

	Mono<Worker> register(Worker worker) {
		return db.sql("INSERT INTO worker (id, union_id, org_id, registered_at) VALUES (:id, :union, :org, now())")
			.bind("id", worker.id())
			.bind("union", worker.unionId())
			.bind("org", worker.orgId())
			.then()
			.thenReturn(worker);
	}

	/** The registered worker, or a 403 problem asking them to register first. */
	public Mono<Worker> get(UUID id) {
		return db.sql("SELECT id, union_id, org_id FROM worker WHERE id = :id AND registered_at IS NOT NULL")
			.bind("id", id)
			.map(row -> new Worker(row.get("id", UUID.class), row.get("union_id", String.class),
					row.get("org_id", String.class)))
			.one()
			.switchIfEmpty(Mono.error(WorkerNotRegistered::new));
	}
}
