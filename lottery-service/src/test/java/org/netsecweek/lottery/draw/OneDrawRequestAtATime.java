package org.netsecweek.lottery.draw;

import java.util.function.Consumer;

import org.netsecweek.events.quiz.DrawRequested;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The {@code performDraw} handler (a batch binding) as the tests in every package call it: one request at a time, each
 * a batch of one, blocking until it committed.
 */
@TestConfiguration(proxyBeanMethods = false)
public class OneDrawRequestAtATime {

	@Bean
	Consumer<DrawRequested> drawRequests(PerformDraw performDraw) {
		return performDraw::accept;
	}
}
