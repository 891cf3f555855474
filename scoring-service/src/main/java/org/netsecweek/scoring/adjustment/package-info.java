/**
 * Admins' manual point adjustments (who, when, why; never below the points a worker already spent on draws), and
 * the draws spent, counted from lottery-service's DrawCompleted.
 */
package org.netsecweek.scoring.adjustment;
