package org.netsecweek.quiz.organisation;

/**
 * A grassroots union organisation (基层工会组织).
 *
 * @param id stable id, e.g. {@code harbin-0001}
 * @param unionId the union of the allocation table it belongs to
 */
public record Organisation(String id, String unionId, String name) {
}
