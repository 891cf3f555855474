package org.netsecweek.lottery.draw;

import java.security.SecureRandom;

import org.springframework.stereotype.Component;

/**
 * Redemption codes (兑奖码): 10 characters from an alphabet without look-alikes (no 0/O, 1/I/L), read aloud or typed
 * by staff from a phone screen. 31^10 ≈ 8·10^14 codes, about 50 bits from {@link SecureRandom}, so a code cannot be
 * guessed; the unique index on the draw table refuses the (astronomically unlikely) repeat, and the draw's
 * transaction is then retried with a new code.
 */
@Component
class RedemptionCodes {

	static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

	static final int LENGTH = 10;

	private final SecureRandom random = new SecureRandom();

	String next() {
		char[] code = new char[LENGTH];
		for (int i = 0; i < LENGTH; i++) {
			code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
		}
		return new String(code);
	}
}
