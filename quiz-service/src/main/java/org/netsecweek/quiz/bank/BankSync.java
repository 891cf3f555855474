package org.netsecweek.quiz.bank;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Keeps this instance's {@link QuestionBank} equal to the bank in PostgreSQL. At start-up (after the migrations,
 * before requests) it seeds an empty database from {@code questions/bank.yml} and loads the bank; then it compares
 * versions every {@code netsec.quiz.bank.refresh-interval} to pick up an import made on another instance.
 */
@Component
public class BankSync implements SmartInitializingSingleton, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(BankSync.class);

	private final QuestionBank bank;

	private final Questions questions;

	private final TransactionalOperator transaction;

	private final BankSettings settings;

	private final Clock clock;

	private volatile Disposable polling;

	BankSync(QuestionBank bank, Questions questions, ReactiveTransactionManager transactions, BankSettings settings,
			Clock clock) {
		this.bank = bank;
		this.questions = questions;
		this.transaction = TransactionalOperator.create(transactions);
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void afterSingletonsInstantiated() {
		seed().then(refresh()).block(Duration.ofMinutes(1));
	}

	/**
	 * Runs {@code work} with this instance's bank brought up to the database's, while no import can commit: what
	 * work reads from {@link QuestionBank} is the bank's current version, and stays so until work's transaction ends.
	 * Papers are pinned this way, so an import never misses a paper drawn from the bank it replaces.
	 */
	public <T> Mono<T> whileUnchanged(Supplier<Mono<T>> work) {
		return transaction.transactional(questions.lockShared()
			.then(questions.version())
			.flatMap(this::atLeast)
			.then(Mono.defer(work)));
	}

	/** Brings this instance's bank up to {@code version} if it is older, e.g. for a paper another instance pinned. */
	public Mono<Void> atLeast(long version) {
		return bank.version() >= version ? Mono.empty() : refresh();
	}

	/** Loads the bank from the database into memory. */
	Mono<Void> refresh() {
		return questions.load().doOnNext(snapshot -> {
			long before = bank.version();
			bank.replace(snapshot);
			if (snapshot.version() > before) {
				log.info("Question bank version {} loaded: {} questions", snapshot.version(), snapshot.active().size());
			}
		}).then();
	}

	private Mono<Void> seed() {
		return transaction.transactional(questions.lockExclusive()
			.then(questions.count())
			.filter(count -> count == 0)
			.flatMap(empty -> {
				List<Question> seed = SeedFile.questions(new ClassPathResource(SeedFile.LOCATION));
				Set<String> ids = seed.stream().map(Question::id).collect(Collectors.toSet());
				return questions.replace(seed, ids, "seed " + SeedFile.LOCATION, clock.instant());
			})
			.doOnNext(version -> log.info("Question bank seeded from {}", SeedFile.LOCATION))
			.then());
	}

	@Override
	public void start() {
		Duration every = settings.refreshInterval();
		polling = Flux.interval(every, every)
			.onBackpressureDrop()
			.concatMap(tick -> questions.version()
				.flatMap(this::atLeast)
				.onErrorResume(ex -> {
					log.warn("Could not check the question bank's version: {}", ex.toString());
					return Mono.empty();
				}), 1)
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable running = polling;
		if (running != null) {
			running.dispose();
		}
		polling = null;
	}

	@Override
	public boolean isRunning() {
		return polling != null;
	}
}
