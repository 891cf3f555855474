package org.netsecweek.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

/** The HTML report: tables, each step's latency distribution and throughput over time, drawn as inline SVG. */
final class Report {

	private static final double[] PERCENTILES = { 0, 50, 75, 90, 95, 99, 99.9, 99.99, 100 };

	private static final String[] COLOURS = { "#c0392b", "#1a5fb4", "#26a269", "#a347ba", "#e5a50a", "#5e5c64",
			"#986a44", "#0d7377" };

	private final StringBuilder html = new StringBuilder();

	Report(String title, String machine) {
		html.append("<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>").append(title)
			.append("</title><style>body{font:14px sans-serif;margin:24px;max-width:1000px}table{border-collapse:collapse;"
					+ "margin:8px 0 24px}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th:first-child,"
					+ "td:first-child{text-align:left}.fail{color:#c0392b;font-weight:bold}</style><h1>")
			.append(title).append("</h1><p>").append(escape(machine)).append("</p>");
	}

	void heading(String text) {
		html.append("<h2>").append(escape(text)).append("</h2>");
	}

	void table(List<String> header, List<List<String>> rows) {
		html.append("<table><tr>");
		header.forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
		html.append("</tr>");
		for (List<String> row : rows) {
			html.append("<tr>");
			row.forEach(cell -> html.append(cell.startsWith("FAIL") ? "<td class=fail>" : "<td>").append(escape(cell))
				.append("</td>"));
			html.append("</tr>");
		}
		html.append("</table>");
	}

	/** Latency by percentile (log-scaled "nines" axis) for each step, milliseconds. */
	void distribution(Map<String, Histogram> steps) {
		int width = 900;
		int height = 320;
		double max = steps.values().stream().mapToDouble(h -> h.getMaxValue() / 1000.0).max().orElse(1);
		double top = Math.max(1, Math.log10(max * 1.2));
		html.append("<svg width=").append(width).append(" height=").append(height + 40)
			.append(" role=img aria-label='latency by percentile'><rect width=100% height=100% fill=#fff/>");
		for (int i = 0; i < PERCENTILES.length; i++) {
			double x = x(PERCENTILES[i], width);
			html.append("<text x=").append((int) x).append(" y=").append(height + 20)
				.append(" font-size=11 text-anchor=middle>p").append(fmt(PERCENTILES[i])).append("</text>");
		}
		for (int d = -1; d <= (int) top; d++) {
			double y = height - (d + 1) / (top + 1) * height;
			html.append("<text x=0 y=").append((int) y).append(" font-size=11>").append(fmt(Math.pow(10, d)))
				.append(" ms</text><line x1=50 x2=").append(width).append(" y1=").append((int) y).append(" y2=")
				.append((int) y).append(" stroke=#eee/>");
		}
		int colour = 0;
		int legend = 0;
		for (Map.Entry<String, Histogram> step : steps.entrySet()) {
			StringBuilder points = new StringBuilder();
			for (double p = 0; p <= 99.999; p = p < 90 ? p + 5 : p + (100 - p) / 4) {
				double ms = Math.max(0.1, step.getValue().getValueAtPercentile(p) / 1000.0);
				double y = height - (Math.log10(ms) + 1) / (top + 1) * height;
				points.append((int) x(p, width)).append(',').append((int) y).append(' ');
			}
			String c = COLOURS[colour++ % COLOURS.length];
			html.append("<polyline fill=none stroke='").append(c).append("' stroke-width=2 points='").append(points)
				.append("'/><text x=60 y=").append(14 + 14 * legend++).append(" font-size=12 fill='").append(c).append("'>")
				.append(escape(step.getKey())).append("</text>");
		}
		html.append("</svg>");
	}

	/** Completions per second over the run, per step. */
	void throughput(Map<String, ConcurrentSkipListMap<Long, AtomicLong>> timeline) {
		int width = 900;
		int height = 200;
		long seconds = timeline.values().stream().filter(m -> !m.isEmpty()).mapToLong(ConcurrentSkipListMap::lastKey)
			.max()
			.orElse(1);
		long peak = timeline.values().stream().flatMap(m -> m.values().stream()).mapToLong(AtomicLong::get).max()
			.orElse(1);
		html.append("<svg width=").append(width).append(" height=").append(height + 30)
			.append(" role=img aria-label='throughput over time'><rect width=100% height=100% fill=#fff/>")
			.append("<text x=0 y=12 font-size=11>").append(peak).append("/s</text><text x=0 y=").append(height)
			.append(" font-size=11>0</text><text x=").append(width - 60).append(" y=").append(height + 20)
			.append(" font-size=11>").append(seconds).append(" s</text>");
		int colour = 0;
		int legend = 0;
		for (Map.Entry<String, ConcurrentSkipListMap<Long, AtomicLong>> step : timeline.entrySet()) {
			StringBuilder points = new StringBuilder();
			for (long s = 0; s <= seconds; s++) {
				AtomicLong n = step.getValue().get(s);
				double x = 50 + (width - 60) * s / (double) Math.max(1, seconds);
				double y = height - (n == null ? 0 : n.get()) * (height - 20) / (double) peak;
				points.append((int) x).append(',').append((int) y).append(' ');
			}
			String c = COLOURS[colour++ % COLOURS.length];
			html.append("<polyline fill=none stroke='").append(c).append("' stroke-width=1.5 points='").append(points)
				.append("'/><text x=").append(width - 260).append(" y=").append(14 + 14 * legend++)
				.append(" font-size=12 fill='").append(c).append("'>").append(escape(step.getKey())).append("</text>");
		}
		html.append("</svg>");
	}

	void paragraph(String text) {
		html.append("<p>").append(escape(text)).append("</p>");
	}

	void write(Path file) throws IOException {
		if (file.getParent() != null) {
			Files.createDirectories(file.getParent());
		}
		Files.writeString(file, html + "</html>\n");
	}

	private static double x(double percentile, int width) {
		double nines = -Math.log10(Math.max(1e-4, (100 - percentile) / 100));
		return 50 + (width - 80) * nines / 4;
	}

	private static String fmt(double value) {
		return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}
}
