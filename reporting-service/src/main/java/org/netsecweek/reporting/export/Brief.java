package org.netsecweek.reporting.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.netsecweek.reporting.report.Report;
import org.netsecweek.reporting.report.Report.Accuracy;

/** One union's brief report (简报) as plain text, ready to paste into the union's own report. */
final class Brief {

	private static final int WEAKEST = 3;

	private Brief() {
	}

	static String of(Report report, Report.Row union) {
		StringBuilder text = new StringBuilder();
		text.append(union.name()).append("工会 ").append(report.campaignName()).append(" 活动简报\n");
		text.append(report.frozen() ? "（报表已于报送截止时封存，数据截至 " + report.asOf() + "）\n" : "（实时数据，报表尚未封存）\n\n");
		if (report.frozen()) {
			text.append('\n');
		}
		text.append("一、完成情况\n");
		text.append("共有 ").append(union.organisationsActive()).append(" 个基层工会组织开展活动，完成分配目标（")
			.append(union.targetOrganisations()).append(" 个）的 ").append(percent(union.organisationsRate()))
			.append("；覆盖职工网民 ").append(union.workersCovered()).append(" 人，完成分配目标（")
			.append(union.targetWorkers()).append(" 人）的 ").append(percent(union.workersRate())).append("。\n\n");
		text.append("二、线上知识竞答\n");
		text.append("宣传周期间共 ").append(union.attempts()).append(" 人次参与答题，平均每份答卷答对 ")
			.append(union.averageScore().toPlainString()).append(" 题，正确率 ").append(percent(union.accuracy()))
			.append("。每日参与：")
			.append(union.days().stream().map(day -> day.day().getMonthValue() + "月" + day.day().getDayOfMonth()
					+ "日 " + day.workers() + " 人").collect(Collectors.joining("，")))
			.append("。\n");
		if (!union.categories().isEmpty()) {
			text.append("各类题目正确率：")
				.append(union.categories().stream().map(c -> Categories.name(c.category()) + " " + percent(c.accuracy()))
					.collect(Collectors.joining("，")))
				.append("。\n");
			List<Accuracy> weakest = union.questions().stream()
				.sorted(Comparator.comparing(Accuracy::accuracy).thenComparing(Accuracy::id))
				.limit(WEAKEST)
				.toList();
			text.append("答错较多的题目：")
				.append(weakest.stream().map(q -> q.id() + "（" + Categories.name(q.category()) + "，正确率 "
						+ percent(q.accuracy()) + "）").collect(Collectors.joining("、")))
				.append("，建议在后续宣传中重点讲解。\n");
		}
		text.append("\n三、线下活动\n");
		text.append("共开展进企业、进车间、进班组等线下活动 ").append(union.offlineActivities()).append(" 次，参与职工 ")
			.append(union.offlineParticipants()).append(" 人次。\n\n");
		text.append("四、积分抽奖\n");
		text.append("共抽奖 ").append(union.draws()).append(" 次，发放奖品 ").append(union.prizesGiven()).append(" 件。\n");
		return text.toString();
	}

	private static String percent(BigDecimal rate) {
		return rate.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
	}
}
