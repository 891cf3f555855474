package org.netsecweek.quiz.privacy;

import java.util.List;

/**
 * The plain-language privacy notice a worker consents to at registration. A new text gets a new version, and a
 * registration names the version it consented to.
 */
public record PrivacyNotice(String version, String title, List<Section> sections) {

	public static final PrivacyNotice CURRENT = new PrivacyNotice("2022-2", "个人信息保护说明", List.of(
			new Section("我们收集什么", "你所在的市（地）或产业工会、基层工会组织，你的姓名和手机号。通过微信进入时，我们只保存微信标识的不可逆摘要。"),
			new Section("为什么收集", "工会和基层组织用于统计各单位的参与情况；姓名和手机号只用于中奖后联系你、寄送奖品。答题、积分和抽奖只使用随机编号，不使用你的姓名或手机号。"),
			new Section("怎样保护", "姓名和手机号加密保存；管理人员看到的都是部分隐藏的信息（如 张*明、138****5678），只有负责寄送奖品的人员在需要时才能查看完整联系方式，每次查看都有记录。"),
			new Section("保存多久", "活动结束后保存90天，用于寄送奖品；期满自动删除姓名和手机号，只保留不含个人信息的统计数字。"),
			new Section("你的权利", "你可以随时在本页“我的信息”中查看我们保存的关于你的全部信息，也可以撤回同意、删除你的姓名和手机号（删除后未寄出的奖品将无法寄送）。如需更正，请联系所在工会。不同意本说明也可以浏览学习内容，但无法参与答题和抽奖。")));

	public record Section(String heading, String text) {
	}
}
