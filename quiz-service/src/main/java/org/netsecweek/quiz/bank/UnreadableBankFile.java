package org.netsecweek.quiz.bank;

import org.netsecweek.platform.problem.DomainProblem;

import org.springframework.http.HttpStatus;

/** The uploaded file cannot be read as the format it was sent as: not a spreadsheet, garbled, or empty. */
class UnreadableBankFile extends DomainProblem {

	UnreadableBankFile(String detail) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "unreadable-question-bank-file", "无法读取题库文件", detail);
	}
}
