/**
 * Participation facts: who took part on which day, in which union and grassroots organisation, and which draws
 * were made, each counted once however often Kafka delivers it. Pseudonymous worker ids only.
 */
package org.netsecweek.reporting.participation;
