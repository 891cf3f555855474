package org.netsecweek.lottery.draw;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import org.netsecweek.lottery.fairness.Seed;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies a campaign's draws without the service: reads the exported log ({@code GET /api/fairness/{id}/log}) and
 * the revealed hex seed (the {@code seed} of {@code GET /api/fairness/{id}}) from files, recomputes every draw
 * ({@link DrawVerification}) and prints the result. Exit status 0 when every draw checks out, 1 on any mismatch, 2
 * on unusable input.
 * <pre>
 * java -cp lottery-service.jar -Dloader.main=org.netsecweek.lottery.draw.VerifyDraws \
 *     org.springframework.boot.loader.launch.PropertiesLauncher log.json seed.txt
 * </pre>
 */
public final class VerifyDraws {

	private VerifyDraws() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length != 2) {
			err.println("用法 usage: VerifyDraws <log.json> <seed.txt>");
			return 2;
		}
		DrawLogExport log;
		Seed seed;
		try {
			log = JsonMapper.builder().build().readValue(Files.readString(Path.of(args[0])), DrawLogExport.class);
			String hex = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8).strip();
			seed = Seed.of(log.campaignId(), HexFormat.of().parseHex(hex));
		}
		catch (IOException | RuntimeException ex) {
			err.println("无法读取输入 cannot read the input: " + ex.getMessage());
			return 2;
		}
		DrawVerification.Result result = DrawVerification.verify(log, seed);
		for (DrawVerification.Mismatch mismatch : result.mismatches()) {
			out.printf("MISMATCH seq=%d draw=%s %s: expected %s, logged %s%n", mismatch.seq(), mismatch.drawId(),
					mismatch.field(), mismatch.expected(), mismatch.actual());
		}
		out.printf("%s: %d draws, %d mismatches: %s%n", result.campaignId(), result.draws(),
				result.mismatches().size(), result.passed() ? "PASSED 核验通过" : "FAILED 核验未通过");
		return result.passed() ? 0 : 1;
	}
}
