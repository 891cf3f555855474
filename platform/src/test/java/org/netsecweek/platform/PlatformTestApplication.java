package org.netsecweek.platform;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.netsecweek.events.quiz.DrawRequested;
import org.netsecweek.platform.problem.DomainProblem;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service standing on the platform, for the platform's own tests. */
@SpringBootApplication
public class PlatformTestApplication {

	/** Draw requests the test consumer accepted; a negative draw number is its poison. */
	public static final List<DrawRequested> accepted = new CopyOnWriteArrayList<>();

	@Bean
	Consumer<DrawRequested> poison() {
		return event -> {
			if (event.drawNumber() < 0) {
				throw new IllegalArgumentException("poison");
			}
			accepted.add(event);
		};
	}

	@RestController
	static class Endpoints {

		@GetMapping("/open/hello")
		String hello() {
			return "hello";
		}

		@GetMapping("/api/me")
		String me() {
			return "me";
		}

		@GetMapping("/api/admin/things")
		String things() {
			return "things";
		}

		@GetMapping("/open/taken")
		String taken() {
			throw new DomainProblem(HttpStatus.CONFLICT, "attempt-already-taken", "今日已答题", "今天已经答过题了，明天再来吧。");
		}

		@GetMapping("/open/boom")
		String boom() {
			throw new IllegalStateException("secret internals");
		}

		@PostMapping("/open/echo")
		Echo echo(@RequestBody @jakarta.validation.Valid Echo echo) {
			return echo;
		}
	}

	record Echo(@jakarta.validation.constraints.NotBlank String text, int count) {
	}
}
