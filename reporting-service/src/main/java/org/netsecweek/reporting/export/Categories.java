package org.netsecweek.reporting.export;

import java.util.Map;

/** Chinese names of the quiz's question categories (quiz-service's bank), for the exports. */
final class Categories {

	private static final Map<String, String> NAMES = Map.of("PERSONAL_INFORMATION", "个人信息保护", "CYBERSECURITY_LAW",
			"网络安全法", "DATA_SECURITY_LAW", "数据安全法", "CII_REGULATIONS", "关键信息基础设施安全保护条例", "EVERYDAY",
			"日常网络安全常识");

	private Categories() {
	}

	/** The Chinese name, or the code itself for a category added later. */
	static String name(String category) {
		return NAMES.getOrDefault(category, category);
	}
}
