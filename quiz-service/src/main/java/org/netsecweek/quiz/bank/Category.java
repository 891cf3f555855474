package org.netsecweek.quiz.bank;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The bank's categories. A question's {@code category} is one of these names; the theme day's category in a campaign
 * definition must be one of them too.
 */
enum Category {

	PERSONAL_INFORMATION("个人信息保护"),

	CYBERSECURITY_LAW("网络安全法"),

	DATA_SECURITY_LAW("数据安全法"),

	CII_REGULATIONS("关键信息基础设施安全保护条例"),

	EVERYDAY("日常网络安全常识");

	private final String label;

	Category(String label) {
		this.label = label;
	}

	/** The category of that name, ignoring case and surrounding blanks. */
	static Optional<Category> named(String name) {
		String wanted = name == null ? "" : name.strip();
		return Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(wanted)).findFirst();
	}

	/** The categories for a message: {@code PERSONAL_INFORMATION（个人信息保护）、…}. */
	static String listed() {
		return Arrays.stream(values()).map(c -> c.name() + "（" + c.label + "）").collect(Collectors.joining("、"));
	}
}
