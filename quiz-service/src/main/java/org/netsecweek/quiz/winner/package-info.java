/**
 * Winners: the public list with masked names, and the delivery list with full contact details for the staff who
 * send the prizes, every look at it recorded.
 */
package org.netsecweek.quiz.winner;
