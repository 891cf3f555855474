/** Performing requested draws: once per draw id, within entitlement and inventory, logged in a hash chain. */
package org.netsecweek.lottery.draw;
