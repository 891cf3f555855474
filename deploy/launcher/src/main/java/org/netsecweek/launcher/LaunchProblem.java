package org.netsecweek.launcher;

/** Something that stops a local run before it starts; the message says what to do. */
class LaunchProblem extends RuntimeException {

	LaunchProblem(String message) {
		super(message);
	}

	LaunchProblem(String message, Throwable cause) {
		super(message, cause);
	}
}
