/**
 * Winners and delivery: the prize draws per campaign and union for the staff who hand the prizes over, and the
 * record of each hand-over (by draw id, or by the redemption code the winner shows), made once and audited.
 * Pseudonymous worker ids only: names and phones stay in quiz-service.
 */
package org.netsecweek.lottery.winner;
