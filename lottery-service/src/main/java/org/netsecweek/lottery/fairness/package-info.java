/** Each campaign's secret seed and its public commitment, from which every draw's random number is derived. */
package org.netsecweek.lottery.fairness;
