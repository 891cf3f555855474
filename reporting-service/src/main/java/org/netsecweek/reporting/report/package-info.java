/**
 * Each union's progress against the campaign's allocation table (live, from counters kept beside the facts) and the
 * report frozen at the deadline (counted from the facts, stored as canonical JSON with its SHA-256).
 */
package org.netsecweek.reporting.report;
