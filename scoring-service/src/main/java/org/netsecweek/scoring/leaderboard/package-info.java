/**
 * Rankings by points, pseudonymous: top workers by id, and each union's average. Names live in quiz-service only,
 * which shows workers the boards with masked names (see docs/adr/005-leaderboards.md).
 */
package org.netsecweek.scoring.leaderboard;
