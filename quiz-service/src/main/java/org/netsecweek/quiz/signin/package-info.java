/**
 * Signing workers in: WeChat web authorisation (code to openid) and, outside WeChat, a phone number with a
 * one-time code. Either way the worker gets the suite's signed token; the token's subject is the pseudonymous
 * worker id, never the openid or the phone number.
 */
package org.netsecweek.quiz.signin;
