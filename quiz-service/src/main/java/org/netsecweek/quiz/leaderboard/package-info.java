/**
 * The leaderboards workers see: top workers by points in their union and province-wide, with masked names, minus
 * those who opted out, and each union's average. Built here because names never leave quiz-service (ADR 005).
 */
package org.netsecweek.quiz.leaderboard;
