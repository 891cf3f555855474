/**
 * The events the services exchange through Kafka: one record per event type, past tense, one package per
 * producing service (one writer per topic). Flat JSON wire types only. Evolution is additive: a new field
 * is nullable or defaulted; a breaking change is a new type.
 */
package org.netsecweek.events;
