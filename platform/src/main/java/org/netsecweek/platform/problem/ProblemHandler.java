package org.netsecweek.platform.problem;

import java.util.List;
import java.util.Map;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.netsecweek.platform.resilience.DatabaseOutage;
import org.netsecweek.platform.tracing.InRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Turns every failure of a request into a problem document: domain problems as they are, bad input as 400 with
 * the fields at fault, an unreachable database as 503 with {@code Retry-After}, anything else as 500 whose cause
 * is logged here and never sent.
 */
@Order(-2) // before Spring Boot's own error handler
public class ProblemHandler implements WebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	private final ProblemWriter writer;

	public ProblemHandler(ProblemWriter writer) {
		this.writer = writer;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		// what toProblem logs carries the request's trace and span ids
		return InRequest.defer(() -> writer.write(exchange, toProblem(exchange, ex)));
	}

	Problem toProblem(ServerWebExchange exchange, Throwable ex) {
		if (ex instanceof DomainProblem problem) {
			return problem.toProblem();
		}
		if (ex instanceof WebExchangeBindException invalid) {
			List<Map<String, String>> errors = invalid.getFieldErrors()
				.stream()
				.map(error -> Map.of("field", error.getField(), "message",
						String.valueOf(error.getDefaultMessage())))
				.toList();
			return new Problem(HttpStatus.BAD_REQUEST, "invalid-request", "请求内容有误", "请检查标出的字段后重新提交。")
				.with(Map.of("errors", errors));
		}
		if (ex instanceof HandlerMethodValidationException invalid) {
			List<Map<String, String>> errors = invalid.getParameterValidationResults()
				.stream()
				.flatMap(result -> result.getResolvableErrors()
					.stream()
					.map(error -> Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()),
							"message", String.valueOf(error.getDefaultMessage()))))
				.toList();
			return new Problem(HttpStatus.BAD_REQUEST, "invalid-request", "请求内容有误", "请检查标出的参数后重新提交。")
				.with(Map.of("errors", errors));
		}
		if (ex instanceof InvalidMediaTypeException) {
			return byStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		}
		if (ex instanceof ServerWebInputException input) {
			return new Problem(HttpStatus.BAD_REQUEST, "malformed-request", "请求格式不正确",
					"请求内容无法识别：" + input.getReason());
		}
		if (ex instanceof ResponseStatusException status) {
			return byStatus(HttpStatus.valueOf(status.getStatusCode().value()));
		}
		if (ex instanceof AuthenticationException) {
			return byStatus(HttpStatus.UNAUTHORIZED);
		}
		if (ex instanceof AccessDeniedException) {
			return byStatus(HttpStatus.FORBIDDEN);
		}
		if (ex instanceof CallNotPermittedException open) {
			return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "temporarily-unavailable", "服务暂时繁忙",
					"服务暂时无法处理请求，请稍后重试。").with(Map.of("retryAfterSeconds", 5));
		}
		if (ex instanceof BulkheadFullException) {
			return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "busy", "提交的人太多了",
					"现在提交的人太多，请几秒钟后再试一次，你的答案不会丢失。").with(Map.of("retryAfterSeconds", 2));
		}
		if (ex instanceof DataAccessResourceFailureException || ex instanceof TransientDataAccessException
				|| DatabaseOutage.databaseUnavailable(ex)) {
			log.warn("{} {} failed, database unavailable: {}", exchange.getRequest().getMethod(),
					exchange.getRequest().getPath(), ex.toString());
			return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "temporarily-unavailable", "服务暂时繁忙",
					"服务暂时无法处理请求，请稍后重试。").with(Map.of("retryAfterSeconds", 5));
		}
		if (ex.getClass().getName().equals("reactor.netty.channel.AbortedException")) {
			// the client went away before the answer: nothing failed here, and nobody is left to answer
			log.debug("{} {} abandoned by the client", exchange.getRequest().getMethod(), exchange.getRequest().getPath());
			return byStatus(HttpStatus.SERVICE_UNAVAILABLE);
		}
		log.error("{} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex);
		return byStatus(HttpStatus.INTERNAL_SERVER_ERROR);
	}

	/** A generic problem for a status that carries no more specific information. */
	public static Problem byStatus(HttpStatus status) {
		return switch (status) {
			case UNAUTHORIZED -> new Problem(status, "unauthenticated", "请先登录", "登录已失效或未登录，请重新登录。");
			case FORBIDDEN -> new Problem(status, "forbidden", "无权访问", "当前账号无权进行此操作。");
			case NOT_FOUND -> new Problem(status, "not-found", "找不到资源", "请求的地址或资源不存在。");
			case METHOD_NOT_ALLOWED -> new Problem(status, "method-not-allowed", "请求方式不支持", "该地址不支持此请求方式。");
			case UNSUPPORTED_MEDIA_TYPE -> new Problem(status, "unsupported-media-type", "内容类型不支持",
					"请以 application/json 提交。");
			case NOT_ACCEPTABLE -> new Problem(status, "not-acceptable", "无法提供所需格式", "服务无法以请求的格式应答。");
			case PAYLOAD_TOO_LARGE, CONTENT_TOO_LARGE -> new Problem(status, "payload-too-large", "提交内容过大",
					"请求内容超过了允许的大小。");
			case BAD_REQUEST -> new Problem(status, "bad-request", "请求有误", "请求无法处理，请检查后重试。");
			default -> status.is5xxServerError()
					? new Problem(status, "internal-error", "系统繁忙", "服务出现问题，请稍后重试；如果一直如此，请联系活动管理员。")
					: new Problem(status, "request-failed", "请求失败", "请求无法完成（" + status.value() + "）。");
		};
	}
}
