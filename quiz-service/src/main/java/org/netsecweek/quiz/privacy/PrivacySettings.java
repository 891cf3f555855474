package org.netsecweek.quiz.privacy;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How personal data is protected.
 *
 * @param keyFile 64 random bytes, base64: an AES-256 key that seals names and phone numbers, then the key of the
 * hashes that find them again; mount it from a secret in production
 * @param generateKeyIfMissing create a demo key on first start (local runs only)
 */
@Validated
@ConfigurationProperties("netsec.quiz.privacy")
public record PrivacySettings(@NotNull Path keyFile, @DefaultValue("false") boolean generateKeyIfMissing) {
}
