/** Draws earned and used per worker and campaign: the row every draw of that worker locks. */
package org.netsecweek.lottery.entitlement;
