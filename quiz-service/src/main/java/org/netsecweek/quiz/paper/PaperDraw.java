package org.netsecweek.quiz.paper;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.netsecweek.quiz.bank.Question;

/**
 * Which questions a worker gets on a day, and in what order their options appear. Deterministic in worker, day and
 * campaign, so a reload shows the same paper and grading needs no stored copy of it. No Spring.
 */
public final class PaperDraw {

	private PaperDraw() {
	}

	/** {@code size} questions of {@code pool} (fewer if the pool is smaller), in paper order. */
	public static List<Question> questions(List<Question> pool, int size, String campaignId, UUID worker,
			LocalDate day) {
		List<Question> shuffled = new ArrayList<>(pool);
		Collections.shuffle(shuffled, random(campaignId, worker, day, "questions"));
		return List.copyOf(shuffled.subList(0, Math.min(size, shuffled.size())));
	}

	/** The option keys of a question in the order this worker sees them on this day. */
	public static List<String> optionOrder(Question question, String campaignId, UUID worker, LocalDate day) {
		List<String> keys = new ArrayList<>(question.options().keySet());
		if (question.type() != org.netsecweek.quiz.bank.QuestionType.TRUE_FALSE) {
			Collections.shuffle(keys, random(campaignId, worker, day, question.id()));
		}
		return keys;
	}

	private static Random random(String campaignId, UUID worker, LocalDate day, String purpose) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((campaignId + "|" + worker + "|" + day + "|" + purpose).getBytes(StandardCharsets.UTF_8));
			return new Random(ByteBuffer.wrap(digest).getLong());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
