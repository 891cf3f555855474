package org.netsecweek.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain blocking HTTP with a hard time limit: a request that takes longer counts as hung. */
final class Http {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Duration HUNG = Duration.ofSeconds(10);

	private static final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(3))
		.build();

	private Http() {
	}

	/**
	 * What came back.
	 *
	 * @param status the HTTP status; 0 when no answer (connection refused or reset), -1 when it took longer than
	 * {@link #HUNG}
	 */
	record Response(int status, String body, String retryAfter, long millis) {

		boolean ok() {
			return status >= 200 && status < 300;
		}

		JsonNode json() {
			return JSON.readTree(body);
		}

		@Override
		public String toString() {
			return status + " " + (body.length() > 200 ? body.substring(0, 200) + "…" : body);
		}
	}

	static Response call(int port, String method, String path, String token, Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(HUNG);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		long start = System.nanoTime();
		try {
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Retry-After").orElse(null), (System.nanoTime() - start) / 1_000_000);
		}
		catch (HttpTimeoutException ex) {
			return new Response(-1, "no answer within " + HUNG.toSeconds() + " s", null,
					(System.nanoTime() - start) / 1_000_000);
		}
		catch (IOException ex) {
			return new Response(0, String.valueOf(ex), null, (System.nanoTime() - start) / 1_000_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Response(0, "interrupted", null, 0);
		}
	}

	/** The JSON answer of a call that must succeed. */
	static JsonNode expect(int port, String method, String path, String token, Object body) {
		Response response = call(port, method, path, token, body);
		if (!response.ok()) {
			throw new AssertionError(method + " " + path + " answered " + response);
		}
		return response.json();
	}
}
