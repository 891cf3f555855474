/**
 * Wiring that belongs to no one feature: how much a caller may ask of the service, per worker and per address, and
 * how large a request body may be.
 */
package org.netsecweek.quiz.system;
