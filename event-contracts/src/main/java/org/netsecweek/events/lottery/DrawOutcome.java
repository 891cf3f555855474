package org.netsecweek.events.lottery;

/** How a draw ended. */
public enum DrawOutcome {

	/** The worker won a unit of a prize. */
	PRIZE,

	/** The draw took place and landed on "谢谢参与". */
	NO_PRIZE,

	/** The draw did not take place (no entitlement left, campaign closed, over the cap); see the reason. */
	REJECTED
}
