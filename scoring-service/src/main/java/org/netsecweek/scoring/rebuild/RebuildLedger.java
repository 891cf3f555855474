package org.netsecweek.scoring.rebuild;

import java.io.PrintStream;

import org.netsecweek.scoring.ScoringApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Rebuilds the ledger from the topics into an empty database ({@link LedgerRebuild}), without serving or consuming:
 * the service's configuration (database, broker and topic prefix from the same properties and environment), no web
 * server, no bindings started. Exit status 0 when rebuilt, 1 when the ledger was not empty, 2 on any other failure.
 * <pre>
 * NETSEC_DB_NAME=scoring_rebuilt java -cp scoring-service-*-exec.jar \
 *     -Dloader.main=org.netsecweek.scoring.rebuild.RebuildLedger \
 *     org.springframework.boot.loader.launch.PropertiesLauncher
 * </pre>
 */
public final class RebuildLedger {

	private RebuildLedger() {
	}

	public static void main(String[] args) {
		System.exit(run(System.out, System.err, args));
	}

	/** Runs the rebuild with these Spring Boot arguments ({@code --netsec.db.name=…}); returns the exit status. */
	static int run(PrintStream out, PrintStream err, String... args) {
		try (ConfigurableApplicationContext context = ScoringApplication.application()
			.web(WebApplicationType.NONE)
			.properties("spring.cloud.stream.default.consumer.auto-startup=false",
					"spring.cloud.stream.bindings.bookPoints-in-0.consumer.auto-startup=false")
			.run(args)) {
			LedgerRebuild.Report report = context.getBean(LedgerRebuild.class).rebuild();
			out.printf("重建完成 rebuilt: %d AnswerSubmitted read, %d attempts booked, %d skipped, %d adjustments; "
					+ "%d workers, %d points in total%n", report.read(), report.booked(), report.skipped(),
					report.adjustments(), report.workers(), report.points());
			return 0;
		}
		catch (LedgerNotEmpty ex) {
			err.println(ex.getMessage());
			return 1;
		}
		catch (RuntimeException ex) {
			err.println("重建失败 rebuild failed: " + ex);
			return 2;
		}
	}
}
