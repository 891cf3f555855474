/**
 * reporting-service owns the participation facts counted from every topic, each union's progress against the
 * allocation table, and the admins' sign-in to the staff console.
 */
package org.netsecweek.reporting;
