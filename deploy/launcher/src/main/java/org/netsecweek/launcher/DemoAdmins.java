package org.netsecweek.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The local run's admin accounts: a province admin and a Harbin union admin sharing one random password, made on
 * the first run and kept in {@code .local/admin-password} (never committed). Only the BCrypt hash reaches
 * reporting-service.
 */
final class DemoAdmins {

	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final String password;

	private DemoAdmins(String password) {
		this.password = password;
	}

	static DemoAdmins load(Path home) {
		Path file = home.resolve("admin-password");
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(home);
				Files.writeString(file, randomPassword() + "\n");
				try {
					Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
				}
				catch (UnsupportedOperationException ex) {
					// not a POSIX file system
				}
			}
			return new DemoAdmins(Files.readString(file).trim());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create " + file, ex);
		}
	}

	String password() {
		return password;
	}

	/** reporting-service's account properties. */
	Map<String, Object> properties() {
		String hash = new BCryptPasswordEncoder().encode(password);
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("netsec.admin.accounts[0].username", "province");
		properties.put("netsec.admin.accounts[0].password-hash", hash);
		properties.put("netsec.admin.accounts[0].role", "PROVINCE_ADMIN");
		properties.put("netsec.admin.accounts[1].username", "harbin");
		properties.put("netsec.admin.accounts[1].password-hash", hash);
		properties.put("netsec.admin.accounts[1].role", "UNION_ADMIN");
		properties.put("netsec.admin.accounts[1].union-id", "harbin");
		return properties;
	}

	private static String randomPassword() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}
}
