/**
 * Runs the whole suite in one JVM for a local run and for the end-to-end test: infrastructure first, then the four
 * services, each with its own configuration file, database and port. See docs/adr/001.
 */
package org.netsecweek.launcher;
