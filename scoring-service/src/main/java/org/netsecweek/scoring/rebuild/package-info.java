/**
 * Rebuilding the ledger from the topics: {@code answer-submitted} from the beginning, booked by the same rules into
 * an empty database, with the releases and adjustments {@code points-awarded} shows. Run as {@link RebuildLedger}.
 */
package org.netsecweek.scoring.rebuild;
