/**
 * lottery-service owns the prize pool and its inventory, each worker's draw entitlements, the draws themselves with
 * their fairness proofs (seed commitments, HMACs, a hash-chained draw log), and announces each outcome.
 */
package org.netsecweek.lottery;
