/**
 * Cross-cutting runtime support every service stands on, one package per concern. Kept small and boring: nothing
 * here knows about quizzes, points, prizes or reports.
 */
package org.netsecweek.platform;
