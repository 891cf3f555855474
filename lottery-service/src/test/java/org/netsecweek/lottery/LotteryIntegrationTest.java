package org.netsecweek.lottery;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.netsecweek.infra.InfrastructureInitializer;
import org.netsecweek.lottery.draw.OneDrawRequestAtATime;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ContextConfiguration;

/** lottery-service with its own configuration, against the real broker and a database of its own. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = { LotteryApplication.class, OneDrawRequestAtATime.class }, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=lottery-service",
				// the hammer and statistics tests let a worker win many times; PrizeCapIntegrationTests sets the cap
				"netsec.lottery.draws.prize-cap-per-worker=0" })
@AutoConfigureWebTestClient(timeout = "PT30S") // a context's first request can be slow on a busy 2-core machine
@ContextConfiguration(initializers = InfrastructureInitializer.class)
public @interface LotteryIntegrationTest {
}
