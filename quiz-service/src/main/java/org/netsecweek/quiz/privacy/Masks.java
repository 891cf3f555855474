package org.netsecweek.quiz.privacy;

/** How personal data is shown wherever it must be shown at all: 张*明, 138****5678. */
public final class Masks {

	private Masks() {
	}

	/** Keeps the first and, for names of three or more characters, the last character. */
	public static String name(String name) {
		if (name == null || name.isBlank()) {
			return "";
		}
		int[] chars = name.strip().codePoints().toArray();
		if (chars.length == 1) {
			return "*";
		}
		StringBuilder masked = new StringBuilder().appendCodePoint(chars[0]);
		masked.append("*".repeat(Math.max(1, chars.length - 2)));
		if (chars.length > 2) {
			masked.appendCodePoint(chars[chars.length - 1]);
		}
		return masked.toString();
	}

	/** Keeps the first three and the last four digits of a mobile number. */
	public static String phone(String phone) {
		if (phone == null || phone.length() < 7) {
			return "****";
		}
		return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
	}
}
