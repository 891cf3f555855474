package org.netsecweek.quiz.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressTests {

	@Test
	void withoutATrustedProxyTheForwardedHeaderIsIgnored() {
		var request = from("192.0.2.7").header("X-Forwarded-For", "203.0.113.9").build();

		assertThat(ClientAddress.of(request, false)).isEqualTo("192.0.2.7");
	}

	@Test
	void behindATrustedProxyTheFirstForwardedAddressCounts() {
		var request = from("10.0.0.2").header("X-Forwarded-For", " 203.0.113.9 , 10.0.0.1").build();

		assertThat(ClientAddress.of(request, true)).isEqualTo("203.0.113.9");
	}

	@Test
	void behindATrustedProxyARequestWithoutTheHeaderCountsByItsConnection() {
		assertThat(ClientAddress.of(from("10.0.0.2").build(), true)).isEqualTo("10.0.0.2");
		assertThat(ClientAddress.of(from("10.0.0.2").header("X-Forwarded-For", " ").build(), true))
			.isEqualTo("10.0.0.2");
	}

	@Test
	void aForwardedAddressWithAPortCountsWithoutIt() {
		assertThat(ClientAddress.of(from("10.0.0.2").header("X-Forwarded-For", "203.0.113.9:51234").build(), true))
			.isEqualTo("203.0.113.9");
		assertThat(ClientAddress
			.of(from("10.0.0.2").header("X-Forwarded-For", "[2001:db8:1:2::9]:443").build(), true))
			.isEqualTo(ClientAddress.of(from("2001:db8:1:2::9").build(), false));
	}

	@Test
	void anIpv6ClientIsKnownByItsSlash64() {
		String one = ClientAddress.of(from("2001:db8:1:2:3:4:5:6").build(), false);

		assertThat(ClientAddress.of(from("2001:db8:1:2:ffff::1").build(), false)).isEqualTo(one);
		assertThat(ClientAddress.of(from("2001:db8:1:3::1").build(), false)).isNotEqualTo(one);
		assertThat(ClientAddress.of(from("10.0.0.2").header("X-Forwarded-For", "2001:DB8:1:2::77").build(), true))
			.isEqualTo(one);
	}

	@Test
	void aLongOrOddForwardedValueMakesAShortKeyAndIsNeverLookedUp() {
		var longValue = from("10.0.0.2").header("X-Forwarded-For", "x".repeat(5_000)).build();
		var name = from("10.0.0.2").header("X-Forwarded-For", "example.com").build();
		var broken = from("10.0.0.2").header("X-Forwarded-For", "1:2:zz").build();

		assertThat(ClientAddress.of(longValue, true)).hasSizeLessThanOrEqualTo(64);
		assertThat(ClientAddress.of(name, true)).isEqualTo("example.com");
		assertThat(ClientAddress.of(broken, true)).isEqualTo("1:2:zz");
	}

	private static MockServerHttpRequest.BaseBuilder<?> from(String address) {
		try {
			return MockServerHttpRequest.get("/api/campaign")
				.remoteAddress(new InetSocketAddress(InetAddress.getByName(address), 40_000));
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(ex);
		}
	}
}
