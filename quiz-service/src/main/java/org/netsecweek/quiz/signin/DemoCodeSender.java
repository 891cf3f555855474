package org.netsecweek.quiz.signin;

import reactor.core.publisher.Mono;

/**
 * The local demo's "SMS": sends nothing; the code is shown in the response (and so on the page). Used only when
 * {@code netsec.quiz.sign-in.phone.demo-codes} is on and no real sender is configured.
 */
final class DemoCodeSender implements CodeSender {

	@Override
	public Mono<Void> send(String phone, String code) {
		return Mono.empty();
	}
}
