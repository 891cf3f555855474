package org.netsecweek.lottery.prize;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gauge {@code prizes.left{campaign,prize}}, read from the database now and then so that it is right whichever
 * instance gave the prizes away.
 */
@Component
class PrizeGauges {

	private static final Logger log = LoggerFactory.getLogger(PrizeGauges.class);

	private final Prizes prizes;

	private final MultiGauge left;

	PrizeGauges(Prizes prizes, MeterRegistry meters) {
		this.prizes = prizes;
		this.left = MultiGauge.builder("prizes.left").description("Units of each prize still in stock").register(meters);
	}

	@Scheduled(initialDelay = 1, fixedDelay = 30, timeUnit = TimeUnit.SECONDS)
	void refresh() {
		try {
			List<MultiGauge.Row<?>> rows = prizes.stockLeft()
				.<MultiGauge.Row<?>>map(stock -> MultiGauge.Row.of(Tags.of("campaign", stock.campaignId(), "prize", stock.prizeId()),
						stock.left()))
				.collectList()
				.block(Duration.ofSeconds(10));
			left.register(rows == null ? List.of() : rows, true);
		}
		catch (RuntimeException ex) {
			log.warn("Could not refresh the prizes.left gauges: {}", ex.toString());
		}
	}
}
