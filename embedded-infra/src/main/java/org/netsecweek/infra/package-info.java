/**
 * Real infrastructure for tests and the local launcher: a Kafka broker and a PostgreSQL server, each started once
 * per JVM and shared. No imitations: the broker is Kafka's own KRaft server, the database is PostgreSQL's own binary.
 */
package org.netsecweek.infra;
