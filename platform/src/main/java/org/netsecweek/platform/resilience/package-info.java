/**
 * Failing fast when a dependency is down: a circuit breaker around every API request's use of the database, so
 * that while PostgreSQL is away requests are answered 503 with Retry-After at once instead of piling up, and the
 * service recovers by itself when it returns.
 */
package org.netsecweek.platform.resilience;
