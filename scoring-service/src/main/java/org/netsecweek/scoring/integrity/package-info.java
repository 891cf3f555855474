/** The ledger's integrity check: totals equal the ledger, every entry within the rules, no draw beyond the points. */
package org.netsecweek.scoring.integrity;
