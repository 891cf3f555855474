package org.netsecweek.events;

/** Topic names. Each topic has exactly one writer: the service whose package holds its event type. */
public final class Topics {

	public static final String ANSWER_SUBMITTED = "answer-submitted";

	public static final String POINTS_AWARDED = "points-awarded";

	public static final String DRAW_REQUESTED = "draw-requested";

	public static final String DRAW_COMPLETED = "draw-completed";

	/** Suffix of the dead-letter topic that takes what a consumer could not process after its retries. */
	public static final String DEAD_LETTER_SUFFIX = ".dlq";

	private Topics() {
	}

	public static String deadLetter(String topic) {
		return topic + DEAD_LETTER_SUFFIX;
	}
}
