package org.netsecweek.reporting.report;

import org.netsecweek.platform.problem.DomainProblem;

import org.springframework.http.HttpStatus;

/** The campaign's report has no snapshot yet: the deadline has not passed, or nobody froze it yet. */
class ReportNotFrozen extends DomainProblem {

	ReportNotFrozen() {
		super(HttpStatus.NOT_FOUND, "report-not-frozen", "报表尚未封存",
				"报送截止时间过后，系统会自动封存报表；在此之前请查看实时进度。");
	}
}
