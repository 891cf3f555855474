package org.netsecweek.quiz.bank;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import org.netsecweek.platform.tracing.InRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Imports a checked file into the bank: a preview that changes nothing, or an apply that replaces the bank in one
 * transaction if, and only if, neither the file nor today's papers stand against it.
 */
@Component
class BankImport {

	static final String PREVIEW = "preview";

	static final String APPLY = "apply";

	private static final Logger log = LoggerFactory.getLogger(BankImport.class);

	private final Questions questions;

	private final IssuedQuestions issued;

	private final BankSync sync;

	private final TransactionalOperator transaction;

	private final Clock clock;

	BankImport(Questions questions, IssuedQuestions issued, BankSync sync, ReactiveTransactionManager transactions,
			Clock clock) {
		this.questions = questions;
		this.issued = issued;
		this.sync = sync;
		this.transaction = TransactionalOperator.create(transactions);
		this.clock = clock;
	}

	/** What the file would change, and every problem with it; changes nothing. */
	Mono<ImportReport> preview(BankValidation.Result file) {
		if (!file.valid()) {
			return questions.version().map(version -> ImportReport.invalid(PREVIEW, version, file.problems()));
		}
		return questions.load()
			.flatMap(stored -> issued.shownToday()
				.map(onPapers -> ImportReport.of(PREVIEW, BankDiff.between(stored, file, onPapers),
						file.questions().size(), stored.version(), false)));
	}

	/**
	 * Replaces the bank with the file's questions in one transaction, or fails with {@link InvalidBankFile} listing
	 * every problem and changes nothing.
	 *
	 * @param by who imports, for the record
	 */
	Mono<ImportReport> apply(BankValidation.Result file, String by) {
		if (!file.valid()) {
			return Mono.error(new InvalidBankFile(file.problems()));
		}
		Mono<ImportReport> replace = questions.lockExclusive()
			.then(questions.load())
			.flatMap(stored -> issued.shownToday().flatMap(onPapers -> {
				BankDiff diff = BankDiff.between(stored, file, onPapers);
				if (!diff.problems().isEmpty()) {
					return Mono.error(new InvalidBankFile(diff.problems()));
				}
				int size = file.questions().size();
				if (!diff.changesAnything()) {
					return Mono.just(ImportReport.of(APPLY, diff, size, stored.version(), false));
				}
				Set<String> write = new HashSet<>(diff.added());
				write.addAll(diff.changed());
				return questions.replace(file.questions(), write, by, clock.instant())
					.map(version -> ImportReport.of(APPLY, diff, size, version, true));
			}));
		return InRequest.logAfter(transaction.transactional(replace)
			.flatMap(report -> sync.refresh().thenReturn(report)), report -> {
				if (report != null && report.applied()) {
					log.info("Question bank version {} imported by {}: {} added, {} changed, {} removed",
							report.version(), by, report.added().size(), report.changed().size(),
							report.removed().size());
				}
			});
	}
}
