package org.netsecweek.quiz.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class BudgetsTests {

	@Test
	void admitsTheBudgetThenRefusesUntilThePeriodIsOver() {
		Budgets budgets = new Budgets(3, Duration.ofMinutes(1), 100);

		assertThat(budgets.spend("w1").admitted()).isTrue();
		assertThat(budgets.spend("w1").admitted()).isTrue();
		assertThat(budgets.spend("w1").admitted()).isTrue();
		Budgets.Admission refused = budgets.spend("w1");

		assertThat(refused.admitted()).isFalse();
		assertThat(refused.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofMinutes(1));
	}

	@Test
	void eachKeyHasABudgetOfItsOwn() {
		Budgets budgets = new Budgets(1, Duration.ofMinutes(1), 100);
		budgets.spend("w1");

		assertThat(budgets.spend("w1").admitted()).isFalse();
		assertThat(budgets.spend("w2").admitted()).isTrue();
	}

	@Test
	void keepsNoMoreThanMaxKeysAndForgetsTheLeastRecentlyUsed() {
		Budgets budgets = new Budgets(1, Duration.ofMinutes(1), 3);
		for (String key : new String[] { "a", "b", "c", "d" }) {
			budgets.spend(key);
		}

		assertThat(budgets.size()).isEqualTo(3);
		assertThat(budgets.spend("d").admitted()).as("recently used: still spent").isFalse();
		assertThat(budgets.spend("a").admitted()).as("forgotten: a fresh budget").isTrue();
		for (int i = 0; i < 10_000; i++) {
			budgets.spend("key-" + i);
		}
		assertThat(budgets.size()).isEqualTo(3);
	}

	@Test
	void forgetsBudgetsIdleForAWholePeriod() {
		AtomicLong nanos = new AtomicLong();
		Budgets budgets = new Budgets(5, Duration.ofSeconds(10), 100, nanos::get);
		budgets.spend("a");
		budgets.spend("b");
		nanos.addAndGet(Duration.ofSeconds(9).toNanos());
		budgets.spend("b");

		assertThat(budgets.size()).isEqualTo(2);
		nanos.addAndGet(Duration.ofSeconds(2).toNanos());
		budgets.spend("c");

		assertThat(budgets.size()).as("a idle 11 s, b 2 s").isEqualTo(2);
		nanos.addAndGet(Duration.ofSeconds(10).toNanos());
		budgets.spend("c");
		assertThat(budgets.size()).isEqualTo(1);
	}
}
