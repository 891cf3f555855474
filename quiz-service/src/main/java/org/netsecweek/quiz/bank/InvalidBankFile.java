package org.netsecweek.quiz.bank;

import java.util.List;
import java.util.Map;

import org.netsecweek.platform.problem.DomainProblem;

import org.springframework.http.HttpStatus;

/** An import file with problems; the bank stays as it was. Member {@code errors} lists each {row, column, message}. */
class InvalidBankFile extends DomainProblem {

	InvalidBankFile(List<RowProblem> errors) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-question-bank-file", "题库文件有误",
				"文件中有 " + errors.size() + " 处问题（见 errors），题库没有任何改动。请逐条修改后重新导入。",
				Map.of("errors", List.copyOf(errors)));
	}
}
