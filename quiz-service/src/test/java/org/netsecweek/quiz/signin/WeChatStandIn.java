package org.netsecweek.quiz.signin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for WeChat's {@code /sns/oauth2/access_token}, answering as WeChat documents: a token and openid
 * for a good code, {@code errcode} 40029 / 40163 / 42003 for invalid, used and expired codes, -1 (system busy) for
 * {@code busy}, and nothing for {@code slow} until the client gives up.
 */
final class WeChatStandIn implements AutoCloseable {

	private final HttpServer server;

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
				try {
					Thread.sleep(3000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
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
		server.stop(0);
	}
}
