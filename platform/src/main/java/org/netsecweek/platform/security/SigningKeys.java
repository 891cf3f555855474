package org.netsecweek.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The RSA key pair tokens are signed with, read from PEM files (and generated once for local runs). */
final class SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	static final String PRIVATE_FILE = "token-signing.pem";

	static final String PUBLIC_FILE = "token-signing.pub.pem";

	private final RSAPublicKey publicKey;

	private final Path privateFile;

	private SigningKeys(RSAPublicKey publicKey, Path privateFile) {
		this.publicKey = publicKey;
		this.privateFile = privateFile;
	}

	static SigningKeys load(SecuritySettings settings) {
		Path directory = settings.keyDirectory();
		Path publicFile = directory.resolve(PUBLIC_FILE);
		if (!Files.exists(publicFile)) {
			if (!settings.generateKeyIfMissing()) {
				throw new IllegalStateException("No token signing key: " + publicFile + " does not exist. Provide "
						+ PUBLIC_FILE + " (and " + PRIVATE_FILE + " for token issuers) in netsec.security.key-directory,"
						+ " or set netsec.security.generate-key-if-missing=true for a local demo key.");
			}
			generate(directory);
		}
		return new SigningKeys(readPublic(publicFile), directory.resolve(PRIVATE_FILE));
	}

	RSAPublicKey publicKey() {
		return publicKey;
	}

	/** The private key; only token issuers need it, so it is read when first asked for. */
	RSAPrivateKey privateKey() {
		try {
			byte[] der = pem(Files.readString(privateFile));
			return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
		}
		catch (IOException ex) {
			throw new IllegalStateException("This service issues tokens but cannot read " + privateFile, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Not an RSA private key in PKCS#8 PEM: " + privateFile, ex);
		}
	}

	private static RSAPublicKey readPublic(Path file) {
		try {
			return (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new X509EncodedKeySpec(pem(Files.readString(file))));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("Not an RSA public key in X.509 PEM: " + file, ex);
		}
	}

	/**
	 * Writes a new pair. Several services may start at once on one machine: each writes to temporary files and
	 * moves them in; the private key goes first, so whoever sees the public file also finds its private key.
	 */
	private static synchronized void generate(Path directory) {
		try {
			Files.createDirectories(directory);
			if (Files.exists(directory.resolve(PUBLIC_FILE))) {
				return;
			}
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			var pair = generator.generateKeyPair();
			Path privateTemp = write(directory, "PRIVATE KEY", pair.getPrivate().getEncoded());
			Path publicTemp = write(directory, "PUBLIC KEY", pair.getPublic().getEncoded());
			try {
				Files.move(privateTemp, directory.resolve(PRIVATE_FILE), StandardCopyOption.ATOMIC_MOVE);
				Files.move(publicTemp, directory.resolve(PUBLIC_FILE), StandardCopyOption.ATOMIC_MOVE);
			}
			catch (FileAlreadyExistsException | AtomicMoveNotSupportedException ex) {
				Files.deleteIfExists(privateTemp);
				Files.deleteIfExists(publicTemp);
			}
			log.warn("Generated a demo token signing key in {}: fine for a local run, never for production", directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create a demo signing key in " + directory, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path write(Path directory, String type, byte[] der) throws IOException {
		Path file = Files.createTempFile(directory, "key", ".tmp");
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system; the directory's own permissions apply
		}
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
		return file;
	}

	private static byte[] pem(String text) {
		String base64 = text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
		return Base64.getDecoder().decode(base64);
	}
}
