/** The report as files: XLSX in the allocation table's layout, CSV (guarded against formula injection), briefs. */
package org.netsecweek.reporting.export;
