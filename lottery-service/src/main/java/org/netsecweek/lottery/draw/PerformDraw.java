package org.netsecweek.lottery.draw;

import java.util.function.Consumer;

import org.netsecweek.events.quiz.DrawRequested;
import org.netsecweek.platform.inbox.Inbox;

import org.springframework.stereotype.Component;

/** Takes each draw request once. Binding {@code performDraw-in-0} reads {@code draw-requested}. */
@Component("performDraw")
class PerformDraw implements Consumer<DrawRequested> {

	private final Inbox inbox;

	private final DrawManagement draws;

	PerformDraw(Inbox inbox, DrawManagement draws) {
		this.inbox = inbox;
		this.draws = draws;
	}

	@Override
	public void accept(DrawRequested request) {
		inbox.consume("performDraw", request, () -> draws.request(request));
	}
}
