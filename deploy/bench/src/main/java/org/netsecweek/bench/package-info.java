/**
 * The suite's benchmark: an open-model load generator (arrivals at a set rate whatever the earlier requests do,
 * latency measured from each request's intended start, so no coordinated omission), HdrHistogram recordings, the
 * scenarios {@code journey}, {@code rush}, {@code draws} and {@code limit}, and the books check after the run.
 */
package org.netsecweek.bench;
