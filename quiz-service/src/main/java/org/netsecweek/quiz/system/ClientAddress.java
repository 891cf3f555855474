package org.netsecweek.quiz.system;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.StringUtils;

/**
 * Where an anonymous request comes from, as a budget key. {@code X-Forwarded-For} is read only behind a trusted
 * proxy: anywhere else a client could write any address into it and never run out of budget. An IPv6 client is known
 * by its /64 prefix, the block one subscriber gets, so that it cannot step through addresses of its own block.
 */
final class ClientAddress {

	private static final String FORWARDED_FOR = "X-Forwarded-For";

	private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

	private static final int MAX_KEY_LENGTH = 64;

	private ClientAddress() {
	}

	static String of(ServerHttpRequest request, boolean behindTrustedProxy) {
		if (behindTrustedProxy) {
			String forwarded = request.getHeaders().getFirst(FORWARDED_FOR);
			if (StringUtils.hasText(forwarded)) {
				String first = forwarded.split(",", 2)[0].trim();
				if (!first.isEmpty()) {
					return keyOf(first);
				}
			}
		}
		InetSocketAddress remote = request.getRemoteAddress();
		if (remote == null) {
			return "unknown";
		}
		return remote.getAddress() != null ? keyOf(remote.getAddress()) : remote.getHostString();
	}

	/**
	 * An address as a proxy wrote it. Only IPv6 literals are parsed (never looked up); anything else is kept as it
	 * is, cut short, since a header can be long and keys are held in memory.
	 */
	private static String keyOf(String written) {
		String bare = written.startsWith("[") && written.indexOf(']') > 0
				? written.substring(1, written.indexOf(']')) : written;
		int colon = bare.indexOf(':');
		if (colon > 0 && colon == bare.lastIndexOf(':') && bare.indexOf('.') > 0) {
			bare = bare.substring(0, colon); // IPv4 with a port
		}
		else if (colon >= 0 && IPV6_LITERAL.matcher(bare).matches()) {
			try {
				return keyOf(InetAddress.getByName(bare)); // a literal with a colon is parsed, never resolved
			}
			catch (UnknownHostException ex) {
				// not an address after all: keep it as written
			}
		}
		return bare.length() > MAX_KEY_LENGTH ? bare.substring(0, MAX_KEY_LENGTH) : bare;
	}

	private static String keyOf(InetAddress address) {
		if (address instanceof Inet6Address) {
			byte[] prefix = new byte[8];
			System.arraycopy(address.getAddress(), 0, prefix, 0, 8);
			return HexFormat.of().formatHex(prefix) + "::/64";
		}
		return address.getHostAddress();
	}
}
