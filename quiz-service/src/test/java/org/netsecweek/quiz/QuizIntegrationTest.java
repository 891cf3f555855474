package org.netsecweek.quiz;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.netsecweek.infra.InfrastructureInitializer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * quiz-service with its own configuration, against the real broker and a database of its own. The {@code test}
 * profile ({@code quiz-service-test.yml}) lifts the request budgets, which the suite's pace would exceed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = QuizApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S") // a context's first request can be slow on a busy 2-core machine
@ActiveProfiles("test")
@ContextConfiguration(initializers = InfrastructureInitializer.class)
public @interface QuizIntegrationTest {

	/** Extra properties; the service's own configuration name always comes first. */
	@AliasFor(annotation = SpringBootTest.class, attribute = "properties")
	String[] properties() default { "spring.config.name=quiz-service" };
}
