package org.netsecweek.lottery.draw;

import org.netsecweek.events.quiz.DrawRequested;
import org.netsecweek.platform.inbox.EventHandler;
import org.netsecweek.platform.inbox.Inbox;

import org.springframework.stereotype.Component;

/** Takes each draw request once. Binding {@code performDraw-in-0} reads {@code draw-requested}. */
@Component("performDraw")
class PerformDraw extends EventHandler<DrawRequested> {

	PerformDraw(Inbox inbox, DrawManagement draws) {
		super(inbox, "performDraw", draws::request);
	}
}
