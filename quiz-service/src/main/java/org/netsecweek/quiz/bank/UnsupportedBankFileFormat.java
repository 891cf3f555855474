package org.netsecweek.quiz.bank;

import org.netsecweek.platform.problem.DomainProblem;

import org.springframework.http.HttpStatus;

/** The request names no format, or one other than CSV and XLSX. */
class UnsupportedBankFileFormat extends DomainProblem {

	UnsupportedBankFileFormat(String format) {
		super(HttpStatus.BAD_REQUEST, "unsupported-question-bank-file-format", "文件格式不支持",
				(format == null || format.isBlank() ? "请用参数 format 说明文件格式" : "不支持的格式 \"" + format + "\"")
						+ "：format 须为 csv 或 xlsx。");
	}
}
