package org.netsecweek.quiz.signin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for WeChat's {@code /sns/oauth2/access_token}, answering as WeChat documents: a token and openid
 * for a good code, {@code errcode} 40029 / 40163 / 42003 for invalid, used and expired codes, -1 (system busy) for
 * {@code busy}, and no answer at all for {@code slow}.
 */
final class WeChatStandIn implements AutoCloseable {

	private final HttpServer server;

	private final List<HttpExchange> unanswered = new CopyOnWriteArrayList<>();

	WeChatStandIn() {
		try {
			server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/sns/oauth2/access_token", exchange -> {
			String query = exchange.getRequestURI().getQuery();
			String code = query.replaceAll(".*code=([^&]*).*", "$1");
			String body = switch (code) {
				case "invalid" -> "{\"errcode\":40029,\"errmsg\":\"invalid code\"}";
				case "used" -> "{\"errcode\":40163,\"errmsg\":\"code been used\"}";
				case "expired" -> "{\"errcode\":42003,\"errmsg\":\"code expired\"}";
				case "busy" -> "{\"errcode\":-1,\"errmsg\":\"system error\"}";
				default -> "{\"access_token\":\"at\",\"expires_in\":7200,\"refresh_token\":\"rt\",\"openid\":\"o-" + code
						+ "\",\"scope\":\"snsapi_base\"}";
			};
			if (code.equals("slow")) {
				// never answers: the exchange stays open until the client gives up or the stand-in stops
				unanswered.add(exchange);
				return;
			}
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "text/plain");
			exchange.sendResponseHeaders(200, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		server.start();
	}

	String address() {
		return "http://localhost:" + server.getAddress().getPort();
	}

	@Override
	public void close() {
		unanswered.forEach(HttpExchange::close);
		server.stop(0);
	}
}
