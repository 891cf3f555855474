package org.netsecweek.scoring.rebuild;

/** The rebuild writes only into an empty ledger: it would otherwise book everything a second time. */
class LedgerNotEmpty extends RuntimeException {

	LedgerNotEmpty(long rows) {
		super("账本不为空，拒绝重建 the ledger is not empty (" + rows + " rows in ledger_entry, held_attempt, submission and "
				+ "rejected_answer): rebuild only into an empty database");
	}
}
