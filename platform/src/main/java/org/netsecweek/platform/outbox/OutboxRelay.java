package org.netsecweek.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.netsecweek.platform.resilience.Guarded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Publishes committed outbox rows to Kafka, oldest first, and marks them sent in the same transaction that read
 * them. One relay per database publishes at a time (a transaction-scoped advisory lock), so several instances of
 * a service never reorder one worker's events. A failed batch stays unsent and is retried with back-off: delivery
 * is at least once, and consumers are idempotent. The relay looks when the {@link Outbox} tells it of committed rows
 * (at most once per poll interval, so a busy relay sends batches), and otherwise once per idle poll interval only:
 * polling an empty table every few milliseconds cost the suite's four relays most of a core. Sending passes the circuit breaker {@code kafka}: while the
 * broker is away the relay stops trying for a while instead of waiting out a timeout per batch, and its state is a
 * metric.
 */
class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	/** Advisory lock id of the relay: "outbox" in ASCII. */
	static final long LOCK_ID = 0x6f7574626f78L;

	private static final Duration MAX_BACK_OFF = Duration.ofSeconds(30);

	/** What {@link #publishBatch} returns when another instance's relay holds the lock. */
	static final int LOCKED_OUT = -1;

	private final DatabaseClient db;

	private final TransactionalOperator transaction;

	private final KafkaTemplate<String, String> kafka;

	private final OutboxSettings settings;

	private final CircuitBreaker kafkaBreaker;

	private final NewRows newRows;

	private final Counter published;

	private final Counter failures;

	private final AtomicLong pending = new AtomicLong();

	private final AtomicLong oldestAgeMillis = new AtomicLong();

	private volatile Thread worker;

	private volatile boolean running;

	OutboxRelay(DatabaseClient db, TransactionalOperator transaction, KafkaTemplate<String, String> kafka,
			OutboxSettings settings, MeterRegistry meters, CircuitBreaker kafkaBreaker, NewRows newRows) {
		this.kafkaBreaker = kafkaBreaker;
		this.newRows = newRows;
		this.db = db;
		this.transaction = transaction;
		this.kafka = kafka;
		this.settings = settings;
		this.published = Counter.builder("outbox.published").description("Events published to Kafka").register(meters);
		this.failures = Counter.builder("outbox.failures").description("Failed publishing attempts").register(meters);
		Gauge.builder("outbox.pending", pending, AtomicLong::get).description("Events not yet published").register(meters);
		Gauge.builder("outbox.lag", oldestAgeMillis, a -> a.get() / 1000.0)
			.baseUnit("seconds")
			.description("Age of the oldest unpublished event")
			.register(meters);
	}

	@Override
	public void start() {
		running = true;
		worker = new Thread(this::run, "outbox-relay");
		worker.setDaemon(true);
		worker.start();
	}

	@Override
	public void stop() {
		running = false;
		Thread thread = worker;
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		kafka.getProducerFactory().reset();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		// stop before the Kafka producer and the connection pool are closed
		return Integer.MAX_VALUE - 100;
	}

	private void run() {
		Duration backOff = Duration.ZERO;
		Instant nextHousekeeping = Instant.EPOCH;
		// rows may be waiting from before a restart
		boolean due = true;
		long lastLook = System.nanoTime() - settings.pollInterval().toNanos();
		while (running) {
			try {
				if (!due) {
					newRows.awaitUpTo(settings.idlePollInterval());
				}
				pauseUntil(lastLook + settings.pollInterval().toNanos());
				lastLook = System.nanoTime();
				int sent = publishBatch();
				backOff = Duration.ZERO;
				// a full batch: more are waiting; locked out: the other relay may stop before it sends our rows
				due = sent == settings.batchSize() || sent == LOCKED_OUT;
				if (Instant.now().isAfter(nextHousekeeping)) {
					housekeeping();
					nextHousekeeping = Instant.now().plusSeconds(5);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				running = false;
			}
			catch (RuntimeException ex) {
				if (!running) {
					return;
				}
				failures.increment();
				backOff = backOff.isZero() ? Duration.ofMillis(200) : min(backOff.multipliedBy(2), MAX_BACK_OFF);
				log.warn("Outbox relay failed, retrying in {} ms: {}", backOff.toMillis(), ex.toString());
				sleep(backOff);
				due = true;
			}
		}
	}

	/** Publishes one batch; returns how many rows were sent, or {@link #LOCKED_OUT}. */
	int publishBatch() {
		Integer sent = transaction.transactional(tryLock().flatMap(locked -> locked ? publishLocked() : Mono.just(LOCKED_OUT)))
			.block(Duration.ofSeconds(60));
		return sent == null ? 0 : sent;
	}

	private Mono<Boolean> tryLock() {
		return db.sql("SELECT pg_try_advisory_xact_lock(" + LOCK_ID + ") AS locked")
			.map(row -> row.get("locked", Boolean.class))
			.one();
	}

	private Mono<Integer> publishLocked() {
		return db.sql("SELECT id, topic, message_key, event_type, payload FROM outbox WHERE sent_at IS NULL "
				+ "ORDER BY id LIMIT :limit")
			.bind("limit", settings.batchSize())
			.map(row -> new Row(row.get("id", Long.class), row.get("topic", String.class),
					row.get("message_key", String.class), row.get("event_type", String.class),
					row.get("payload", String.class)))
			.all()
			.collectList()
			// sent from a thread of its own: while the broker is away, KafkaProducer.send blocks its caller for up to
			// max.block.ms, and the caller here would be a database I/O thread that other requests' queries share
			// (the fault suite's broker outage saw API requests hang for 10 s)
			.flatMap(rows -> rows.isEmpty() ? Mono.just(0)
					: Guarded.by(kafkaBreaker, Mono.defer(() -> send(rows)).subscribeOn(Schedulers.boundedElastic()))
						.then(markSent(rows)));
	}

	private Mono<Void> send(List<Row> rows) {
		CompletableFuture<?>[] sends = rows.stream().map(row -> kafka.send(row.record(settings))).toArray(
				CompletableFuture[]::new);
		return Mono.fromFuture(CompletableFuture.allOf(sends));
	}

	private Mono<Integer> markSent(List<Row> rows) {
		Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
		return db.sql("UPDATE outbox SET sent_at = now() WHERE id = ANY(:ids)")
			.bind("ids", ids)
			.fetch()
			.rowsUpdated()
			.map(Long::intValue)
			.doOnNext(published::increment);
	}

	private void housekeeping() {
		db.sql("SELECT count(*) AS pending, min(created_at) AS oldest FROM outbox WHERE sent_at IS NULL")
			.map(row -> {
				pending.set(row.get("pending", Long.class));
				Instant oldest = row.get("oldest", Instant.class);
				oldestAgeMillis.set(oldest == null ? 0 : Duration.between(oldest, Instant.now()).toMillis());
				return true;
			})
			.one()
			.then(db.sql("DELETE FROM outbox WHERE sent_at < :before")
				.bind("before", Instant.now().minus(settings.retention()))
				.then())
			.block(Duration.ofSeconds(30));
	}

	private void pauseUntil(long nanoTime) throws InterruptedException {
		long wait = nanoTime - System.nanoTime();
		if (wait > 0) {
			TimeUnit.NANOSECONDS.sleep(wait);
		}
	}

	private void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running = false;
		}
	}

	private static Duration min(Duration a, Duration b) {
		return a.compareTo(b) < 0 ? a : b;
	}

	private record Row(Long id, String topic, String key, String type, String payload) {

		ProducerRecord<String, String> record(OutboxSettings settings) {
			var record = new ProducerRecord<>(settings.topic(topic), key, payload);
			record.headers().add("contentType", "application/json".getBytes(StandardCharsets.UTF_8));
			record.headers().add("event-type", type.getBytes(StandardCharsets.UTF_8));
			return record;
		}
	}
}
