/**
 * quiz-service owns workers (pseudonymous ids, union and grassroots org), the question bank, daily papers,
 * attempts, and each worker's view of their points and draws. It is the only service workers talk to.
 */
package org.netsecweek.quiz;
