/**
 * Idempotent consumption: an event's effect and the record that it was applied commit together, so a redelivered
 * event finds the record and has no second effect.
 */
package org.netsecweek.platform.inbox;
