/**
 * One error shape across the suite: RFC 9457 problem details ({@code application/problem+json}), with a Chinese
 * {@code title} and {@code detail} for the people who read them and a stable English {@code code} for programs.
 * No stack trace ever leaves a service.
 */
package org.netsecweek.platform.problem;
