package org.netsecweek.platform;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.netsecweek.events.quiz.DrawRequested;
import org.netsecweek.platform.inbox.EventHandler;
import org.netsecweek.platform.inbox.Inbox;
import org.netsecweek.platform.problem.DomainProblem;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service standing on the platform, for the platform's own tests. */
@SpringBootApplication
public class PlatformTestApplication {

	/** Draw requests the test consumer accepted; a negative draw number is its poison. */
	public static final List<DrawRequested> accepted = new CopyOnWriteArrayList<>();

	/** A handler like the services' own, for whom a negative draw number is poison. */
	@Component("poison")
	static class Poison extends EventHandler<DrawRequested> {

		Poison(Inbox inbox, JsonMapper json) {
			super(inbox, json, DrawRequested.class, "poison", eachInOrder(event -> {
				if (event.drawNumber() < 0) {
					return Mono.error(new IllegalArgumentException("poison"));
				}
				accepted.add(event);
				return Mono.empty();
			}));
		}
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
