package org.netsecweek.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.netsecweek.events.Topics;

/** The four services, in start-up order, as their exec jars and databases. */
enum Service {

	QUIZ("quiz-service", "quiz", Topics.POINTS_AWARDED, Topics.DRAW_COMPLETED),

	SCORING("scoring-service", "scoring", Topics.ANSWER_SUBMITTED, Topics.DRAW_COMPLETED),

	LOTTERY("lottery-service", "lottery", Topics.POINTS_AWARDED, Topics.DRAW_REQUESTED),

	REPORTING("reporting-service", "reporting", Topics.ANSWER_SUBMITTED, Topics.POINTS_AWARDED, Topics.DRAW_REQUESTED,
			Topics.DRAW_COMPLETED);

	/** The four topics, without the suite's prefix. */
	static final List<String> TOPICS = List.of(Topics.ANSWER_SUBMITTED, Topics.POINTS_AWARDED, Topics.DRAW_REQUESTED,
			Topics.DRAW_COMPLETED);

	private final String serviceName;

	private final String database;

	private final List<String> consumes;

	Service(String serviceName, String database, String... consumes) {
		this.serviceName = serviceName;
		this.database = database;
		this.consumes = List.of(consumes);
	}

	/** The topics its consumer group reads (its bindings' destinations), without the suite's prefix. */
	List<String> consumes() {
		return consumes;
	}

	String serviceName() {
		return serviceName;
	}

	/** Its database in this suite. */
	String database() {
		return "faults_" + database;
	}

	/** The Spring Boot jar its module's package phase built (a module before this one in the reactor). */
	Path jar() {
		Path target = root().resolve(serviceName).resolve("target");
		try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
			return files.filter(f -> f.getFileName().toString().endsWith("-exec.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No " + serviceName + " exec jar in " + target
						+ ": build it first (./mvnw package, or install -pl deploy/faults -am)"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Path root() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException("Not inside the netsec-week checkout: " + Path.of("").toAbsolutePath());
		}
		return dir;
	}

	@Override
	public String toString() {
		return serviceName;
	}
}
