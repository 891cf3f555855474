/**
 * Performing requested draws: once per draw id, within entitlement and inventory, logged in a hash chain that anyone
 * can recompute once the seed is revealed.
 */
package org.netsecweek.lottery.draw;
