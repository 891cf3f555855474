package org.netsecweek.platform.problem;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A failure the caller can understand and act on. Subclasses are named after the failure
 * ({@code AttemptAlreadyTaken}); their messages are Chinese, because workers and union staff read them.
 */
public class DomainProblem extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final String title;

	private final Map<String, Object> extensions;

	/**
	 * @param status the HTTP status
	 * @param code a stable English slug, e.g. {@code attempt-already-taken}
	 * @param title a short Chinese summary
	 * @param detail a Chinese sentence that says what happened and what to do next
	 */
	public DomainProblem(HttpStatus status, String code, String title, String detail) {
		this(status, code, title, detail, Map.of());
	}

	public DomainProblem(HttpStatus status, String code, String title, String detail, Map<String, Object> extensions) {
		super(detail);
		this.status = status;
		this.code = code;
		this.title = title;
		this.extensions = Map.copyOf(extensions);
	}

	public HttpStatus status() {
		return status;
	}

	public String code() {
		return code;
	}

	public String title() {
		return title;
	}

	public Map<String, Object> extensions() {
		return extensions;
	}

	Problem toProblem() {
		return new Problem(status, code, title, getMessage()).with(extensions);
	}
}
