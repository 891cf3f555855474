/** scoring-service owns the points ledger: one entry per attempt, each worker's total, and draws earned. */
package org.netsecweek.scoring;
