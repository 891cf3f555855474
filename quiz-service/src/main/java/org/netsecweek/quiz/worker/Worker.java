package org.netsecweek.quiz.worker;

import java.util.UUID;

/**
 * A worker as quiz-service knows them. The id is pseudonymous: it is what events and other services see.
 *
 * @param unionId the union of the allocation table the worker belongs to
 * @param orgId the grassroots union organisation
 */
public record Worker(UUID id, String unionId, String orgId) {
}
