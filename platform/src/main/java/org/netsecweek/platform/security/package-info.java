/**
 * One signed-token scheme for the suite: RS256 JWTs with a {@code role} claim (and a {@code union} claim for union
 * admins), issued by quiz-service (workers) and reporting-service (admins), verified by every service.
 */
package org.netsecweek.platform.security;
