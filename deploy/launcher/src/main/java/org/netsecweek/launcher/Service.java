package org.netsecweek.launcher;

import java.util.function.Supplier;

import org.netsecweek.lottery.LotteryApplication;
import org.netsecweek.quiz.QuizApplication;
import org.netsecweek.reporting.ReportingApplication;
import org.netsecweek.scoring.ScoringApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;

/** The four services, in start-up order, with their default ports and databases. */
public enum Service {

	QUIZ("quiz-service", 8081, "quiz", QuizApplication::application),

	SCORING("scoring-service", 8082, "scoring", ScoringApplication::application),

	LOTTERY("lottery-service", 8083, "lottery", LotteryApplication::application),

	REPORTING("reporting-service", 8084, "reporting", ReportingApplication::application);

	private final String serviceName;

	private final int defaultPort;

	private final String database;

	private final Supplier<SpringApplicationBuilder> application;

	Service(String serviceName, int defaultPort, String database, Supplier<SpringApplicationBuilder> application) {
		this.serviceName = serviceName;
		this.defaultPort = defaultPort;
		this.database = database;
		this.application = application;
	}

	public String serviceName() {
		return serviceName;
	}

	public int defaultPort() {
		return defaultPort;
	}

	public String database() {
		return database;
	}

	SpringApplicationBuilder application() {
		return application.get();
	}
}
