package org.netsecweek.quiz.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Seals personal data at rest (AES-256-GCM, a fresh nonce per value) and computes the keyed hashes (HMAC-SHA256)
 * that find a phone number or an openid again without storing it. Nothing here ever logs a value.
 */
@Component
public class PersonalData {

	private static final Logger log = LoggerFactory.getLogger(PersonalData.class);

	private static final byte VERSION = 1;

	private static final int NONCE_BYTES = 12;

	private final SecureRandom random = new SecureRandom();

	private final SecretKeySpec sealKey;

	private final SecretKeySpec hashKey;

	PersonalData(PrivacySettings settings) {
		byte[] keys = load(settings);
		this.sealKey = new SecretKeySpec(Arrays.copyOfRange(keys, 0, 32), "AES");
		this.hashKey = new SecretKeySpec(Arrays.copyOfRange(keys, 32, 64), "HmacSHA256");
	}

	public byte[] seal(String value) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot seal personal data", ex);
		}
	}

	public String open(byte[] sealed) {
		try {
			ByteBuffer buffer = ByteBuffer.wrap(sealed);
			if (buffer.get() != VERSION) {
				throw new IllegalStateException("Unknown sealing version");
			}
			byte[] nonce = new byte[NONCE_BYTES];
			buffer.get(nonce);
			byte[] body = new byte[buffer.remaining()];
			buffer.get(body);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, sealKey, new GCMParameterSpec(128, nonce));
			return new String(cipher.doFinal(body), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot open personal data (wrong key?)", ex);
		}
	}

	/** A keyed hash of {@code kind} and value: equal inputs give equal hashes, and none can be reversed. */
	public byte[] fingerprint(String kind, String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(hashKey);
			return mac.doFinal((kind + "|" + value).getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] load(PrivacySettings settings) {
		var file = settings.keyFile();
		try {
			if (!Files.exists(file)) {
				if (!settings.generateKeyIfMissing()) {
					throw new IllegalStateException("No personal-data key: " + file + " does not exist. Provide 64 "
							+ "random bytes in base64 there (netsec.quiz.privacy.key-file), or set "
							+ "netsec.quiz.privacy.generate-key-if-missing=true for a local demo key.");
				}
				generate(file);
			}
			byte[] keys = Base64.getDecoder().decode(Files.readString(file).trim());
			if (keys.length != 64) {
				throw new IllegalStateException(file + " must hold 64 bytes in base64, not " + keys.length);
			}
			return keys;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the personal-data key " + file, ex);
		}
	}

	private static synchronized void generate(java.nio.file.Path file) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		if (Files.exists(file)) {
			return;
		}
		byte[] keys = new byte[64];
		new SecureRandom().nextBytes(keys);
		var temp = Files.createTempFile(file.toAbsolutePath().getParent(), "pii", ".tmp");
		try {
			Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system
		}
		Files.writeString(temp, Base64.getEncoder().encodeToString(keys) + "\n");
		try {
			Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (java.nio.file.FileAlreadyExistsException ex) {
			Files.deleteIfExists(temp);
		}
		log.warn("Generated a demo personal-data key in {}: fine for a local run, never for production", file);
	}
}
