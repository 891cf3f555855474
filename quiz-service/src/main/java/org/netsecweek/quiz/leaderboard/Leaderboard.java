package org.netsecweek.quiz.leaderboard;

import java.math.BigDecimal;
import java.util.List;

/**
 * A leaderboard as a worker sees it.
 *
 * @param scope {@code union} (the worker's union) or {@code province}
 * @param entries the top workers who agreed to be shown, ties sharing a rank
 * @param me the worker's own place, shown to them even when they are not on the board
 * @param unions each union's average points per worker with points (province scope only, else empty)
 */
public record Leaderboard(String scope, String unionName, List<Entry> entries, Me me, List<UnionAverage> unions) {

	/** A line of the board; {@code name} is masked (张*明). */
	public record Entry(int rank, String name, String union, int points) {
	}

	/**
	 * The worker's place.
	 *
	 * @param rank among the workers shown, counting the worker even if they opted out; {@code null} without points
	 * @param shown whether the worker appears on the boards
	 */
	public record Me(Integer rank, int points, boolean shown) {
	}

	public record UnionAverage(String unionId, String name, long workers, BigDecimal averagePoints) {
	}
}
