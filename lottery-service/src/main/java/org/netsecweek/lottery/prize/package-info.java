/** The prize pool of each campaign: prizes, their weights and the inventory left. */
package org.netsecweek.lottery.prize;
