package org.netsecweek.quiz;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * quiz-service's knobs.
 *
 * @param demoSignIn whether {@code POST /api/sessions/demo} signs in a new pseudonymous worker without WeChat or a
 * phone: for the local demo only, off in the {@code docker} profile
 */
@ConfigurationProperties("netsec.quiz")
public record QuizSettings(@DefaultValue("false") boolean demoSignIn) {
}
