/**
 * Transactional outbox: {@link org.netsecweek.platform.outbox.Outbox#append} writes an event in the caller's
 * transaction; the relay publishes committed rows to Kafka in order and marks them sent.
 */
package org.netsecweek.platform.outbox;
