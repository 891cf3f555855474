package org.netsecweek.quiz.bank;

import org.netsecweek.platform.problem.DomainProblem;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/** The import file is larger than {@code netsec.quiz.bank.max-file-size}. */
class BankFileTooLarge extends DomainProblem {

	BankFileTooLarge(DataSize max) {
		super(HttpStatus.CONTENT_TOO_LARGE, "question-bank-file-too-large", "题库文件过大",
				"题库文件不能超过 " + readable(max) + "。");
	}

	private static String readable(DataSize size) {
		return size.toBytes() % (1024 * 1024) == 0 ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
	}
}
