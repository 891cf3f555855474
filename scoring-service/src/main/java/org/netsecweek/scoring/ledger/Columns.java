package org.netsecweek.scoring.ledger;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/** A field of each item as an array, bound to one {@code unnest} column of a batch statement. */
final class Columns {

	private Columns() {
	}

	static <T, R> R[] of(List<T> items, Function<T, R> field, IntFunction<R[]> type) {
		return items.stream().map(field).toArray(type);
	}

	/** The elements of an aggregated array column ({@code array_agg} of no rows is {@code null}). */
	static <T> java.util.Set<T> set(T[] values) {
		return values == null ? java.util.Set.of() : new java.util.HashSet<>(java.util.Arrays.asList(values));
	}

	static String orEmpty(String value) {
		return value == null ? "" : value;
	}
}
