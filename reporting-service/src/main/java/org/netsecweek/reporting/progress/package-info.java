/** Each union's progress against the campaign's allocation table: organisations active and workers covered. */
package org.netsecweek.reporting.progress;
