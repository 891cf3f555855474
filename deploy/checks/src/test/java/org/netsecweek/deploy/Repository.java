package org.netsecweek.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The repository's files as the checks read them, and the external tools they run. */
final class Repository {

	/** The repository root, from this module's directory ({@code deploy/checks}). */
	static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

	static final List<String> SERVICES = List.of("quiz-service", "scoring-service", "lottery-service",
			"reporting-service");

	private Repository() {
	}

	static Path file(String path) {
		return ROOT.resolve(path);
	}

	static String read(String path) {
		try {
			return Files.readString(file(path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> yaml(String path) {
		return (Map<String, Object>) new Yaml(new LoaderOptions()).load(read(path));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> yamlText(String text) {
		return (Map<String, Object>) new Yaml(new LoaderOptions()).load(text);
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> yamlDocuments(Path file) {
		List<Map<String, Object>> documents = new ArrayList<>();
		try {
			for (Object document : new Yaml(new LoaderOptions()).loadAll(Files.readString(file))) {
				if (document != null) {
					documents.add((Map<String, Object>) document);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return documents;
	}

	@SuppressWarnings("unchecked")
	static <T> T at(Map<String, Object> map, String... keys) {
		Object value = map;
		for (String key : keys) {
			if (!(value instanceof Map<?, ?> inner)) {
				return null;
			}
			value = inner.get(key);
		}
		return (T) value;
	}

	/** The result of a command run in the repository root. */
	record Run(int exitCode, String output) {
	}

	static Run run(Map<String, String> environment, String... command) {
		try {
			ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
			builder.environment().putAll(environment);
			Process process = builder.start();
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError(String.join(" ", command) + " did not finish in 60 s");
			}
			return new Run(process.exitValue(), output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
