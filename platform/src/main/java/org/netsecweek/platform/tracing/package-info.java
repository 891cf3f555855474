/**
 * A request's trace and span ids in the log lines written while it is served.
 */
package org.netsecweek.platform.tracing;
