package org.netsecweek.reporting;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.netsecweek.infra.InfrastructureInitializer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ContextConfiguration;

/** reporting-service with its own configuration, against the real broker and a database of its own. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ReportingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		// the tests freeze reports themselves, on demand or through FreezeAtDeadline.check()
		properties = { "spring.config.name=reporting-service", "netsec.report.freeze-check=0s",
				"netsec.report.settle-time=0s" })
@AutoConfigureWebTestClient(timeout = "PT30S") // a context's first request can be slow on a busy 2-core machine
@ContextConfiguration(initializers = InfrastructureInitializer.class)
public @interface ReportingIntegrationTest {
}
