package org.netsecweek.quiz.signin;

import reactor.core.publisher.Mono;

/**
 * Delivers a one-time code to a phone. Production plugs in its SMS provider as a bean of this type; without one,
 * phone sign-in answers 503 unless demo codes are switched on.
 */
public interface CodeSender {

	Mono<Void> send(String phone, String code);
}
