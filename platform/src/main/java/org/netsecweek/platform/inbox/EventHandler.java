package org.netsecweek.platform.inbox;

import java.util.function.Consumer;
import java.util.function.Function;

import org.netsecweek.events.CampaignEvent;
import reactor.core.publisher.Mono;

/**
 * A message handler bean whose effect takes place once per event: subclass it with the effect, name the bean after
 * the binding ({@code @Component("bookPoints")} reads binding {@code bookPoints-in-0}), and the inbox does the
 * rest. A failure throws, so the binder retries the delivery and finally sends it to the dead-letter topic.
 *
 * @param <E> the event type the binding reads
 */
public abstract class EventHandler<E extends CampaignEvent> implements Consumer<E> {

	private final Inbox inbox;

	private final String consumer;

	private final Function<E, Mono<?>> effect;

	/**
	 * @param consumer the name the processed-event records are kept under; the bean name, by convention
	 * @param effect the effect, run in one transaction with the processed-event record
	 */
	protected EventHandler(Inbox inbox, String consumer, Function<E, Mono<?>> effect) {
		this.inbox = inbox;
		this.consumer = consumer;
		this.effect = effect;
	}

	@Override
	public void accept(E event) {
		inbox.consume(consumer, event, () -> effect.apply(event));
	}
}
