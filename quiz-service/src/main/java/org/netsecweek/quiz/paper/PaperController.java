package org.netsecweek.quiz.paper;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.quiz.bank.Question;
import org.netsecweek.quiz.bank.QuestionType;
import org.netsecweek.quiz.worker.Workers;
import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "paper", description = "Today's questions")
class PaperController {

	private final Papers papers;

	private final Workers workers;

	PaperController(Papers papers, Workers workers) {
		this.papers = papers;
		this.workers = workers;
	}

	@GetMapping("/api/papers/today")
	@Operation(summary = "The signed-in worker's paper for today: the same on every reload, without answer keys")
	@ApiResponse(responseCode = "200", description = "Today's paper")
	@ApiResponse(responseCode = "409", description = "The campaign is not open today",
			content = @Content(mediaType = "application/problem+json"))
	Mono<Paper> today(@AuthenticationPrincipal Jwt jwt) {
		UUID worker = Caller.of(jwt).workerId();
		return Mono.fromCallable(papers::today)
			.flatMap(day -> workers.get(worker)
				.then(papers.issue(day, worker))
				.map(issued -> new Paper(day.campaignId(), day.day(), day.campaign().isThemeDay(day.day()),
						papers.expiresAt(issued.issuedAt()),
						issued.questions()
							.stream()
							.map(q -> PaperQuestion.of(q, PaperDraw.optionOrder(q, day.campaignId(), worker, day.day())))
							.toList())));
	}

	/**
	 * @param themeDay whether today is the campaign's theme day (its questions are all of the theme's category)
	 * @param expiresAt answers are accepted until then (the time limit runs from the first time the paper was shown)
	 */
	record Paper(String campaignId, LocalDate day, boolean themeDay, java.time.Instant expiresAt,
			List<PaperQuestion> questions) {
	}

	/** A question as the worker sees it: options in their order for this worker, no key. */
	record PaperQuestion(String id, String category, QuestionType type, String stem, List<Option> options) {

		static PaperQuestion of(Question question, List<String> order) {
			return new PaperQuestion(question.id(), question.category(), question.type(), question.stem(),
					order.stream().map(key -> new Option(key, question.options().get(key))).toList());
		}
	}

	/** An option; answers name options by {@code key}. */
	record Option(String key, String text) {
	}
}
