package org.netsecweek.quiz.paper;

import java.time.Duration;

import org.netsecweek.platform.problem.DomainProblem;

import org.springframework.http.HttpStatus;

/** The worker submitted after the paper's time limit. */
public class PaperExpired extends DomainProblem {

	public PaperExpired(Duration limit) {
		super(HttpStatus.CONFLICT, "paper-expired", "答题时间已过", "每份试卷须在打开后" + limit.toMinutes()
				+ "分钟内提交，今天的答题时间已过，明天再来吧。");
	}
}
