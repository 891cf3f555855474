package org.netsecweek.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netsecweek.platform.security.Caller;
import org.netsecweek.platform.security.Role;
import org.netsecweek.platform.security.Tokens;

import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * After the other end-to-end tests (the browser journey, the walking skeleton, the matrix, the worker journey), no
 * personal data they entered — names, mobile numbers — is anywhere outside quiz-service's encrypted columns: not in any
 * Kafka topic (keys, values, headers, dead letters included), not in any service's metric names or labels, not in
 * the reports and exports staff download. (The logs are scanned by PersonalDataLogScanTests.)
 */
@ExtendWith(RunningSuite.class)
@Order(Integer.MAX_VALUE - 2)
class PersonalDataEverywhereTests {

	/**
	 * An 11-digit mainland mobile number, not part of a longer number, a decimal fraction or a word (a hex hash such
	 * as a draw's log hash holds such runs of digits: "…5b14512514543dc…" once failed this test).
	 */
	static final Pattern MOBILE = Pattern.compile("(?<![\\dA-Za-z.])1[3-9]\\d{9}(?![\\dA-Za-z])");

	/** Names the end-to-end tests register. */
	private static final List<String> NAMES = List.of("张三明", "李四", "矩阵测试", WorkerJourney.NAME);

	private final Suite suite = RunningSuite.suite();

	@Test
	void noTopicHoldsANameOrAPhoneNumber() throws Exception {
		WorkerJourney.once(suite);
		String bootstrap = RunningSuite.infrastructure().kafkaBootstrapServers();
		List<String> topics;
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			topics = admin.listTopics().names().get().stream().filter(t -> t.startsWith(RunningSuite.TOPIC_PREFIX)).toList();
		}
		assertThat(topics).as("the suite's topics").hasSizeGreaterThanOrEqualTo(4);
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
		List<String> leaks = new ArrayList<>();
		long records = 0;
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
			List<TopicPartition> partitions = topics.stream()
				.flatMap(topic -> consumer.partitionsFor(topic).stream()
					.map(info -> new TopicPartition(topic, info.partition())))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					records++;
					StringBuilder text = new StringBuilder(string(record.key())).append(' ').append(string(record.value()));
					for (Header header : record.headers()) {
						text.append(' ').append(header.key()).append('=').append(string(header.value()));
					}
					String leak = leak(text.toString());
					if (leak != null) {
						leaks.add(record.topic() + " @" + record.offset() + ": " + leak);
					}
				}
			}
		}
		assertThat(records).as("records read from %s", topics).isPositive();
		assertThat(leaks).as("personal data in %d records of %s", records, topics).isEmpty();
	}

	@Test
	void noMetricNameOrLabelHoldsANameOrAPhoneNumber() {
		WorkerJourney.once(suite);
		for (Service service : Service.values()) {
			String metrics = ApiOperations.client(suite, service).get().uri("/actuator/prometheus").exchange()
				.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
			assertThat(metrics).as(service.serviceName() + " metrics").contains("http_server_requests");
			// names and labels only: the values are numbers (timestamps, byte counts) that may look like anything
			String series = metrics.lines()
				.filter(line -> !line.startsWith("#") && line.lastIndexOf(' ') > 0)
				.map(line -> line.substring(0, line.lastIndexOf(' ')))
				.collect(java.util.stream.Collectors.joining("\n"));
			assertThat(leak(series)).as(service.serviceName() + " metric names and labels").isNull();
		}
	}

	@Test
	void noReportOrExportHoldsANameOrAPhoneNumber() throws Exception {
		WorkerJourney.once(suite);
		String province = suite.context(Service.QUIZ).getBean(Tokens.class)
			.issue(new Caller("province", Role.PROVINCE_ADMIN, null)).token();
		WebTestClient reporting = ApiOperations.client(suite, Service.REPORTING);
		for (String export : List.of("/api/admin/progress?questions=true", "/api/admin/exports/progress.csv",
				"/api/admin/exports/organisations.csv", "/api/admin/exports/brief?unionId=harbin")) {
			byte[] body = reporting.get().uri(export).headers(h -> h.setBearerAuth(province)).exchange()
				.expectStatus().isOk().expectBody().returnResult().getResponseBody();
			assertThat(leak(string(body))).as(export).isNull();
		}
		byte[] workbook = reporting.get().uri("/api/admin/exports/progress.xlsx").headers(h -> h.setBearerAuth(province))
			.exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
		StringBuilder cells = new StringBuilder();
		try (XSSFWorkbook xlsx = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
			for (Sheet sheet : xlsx) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						cells.append(cell.toString()).append('\t');
					}
				}
			}
		}
		assertThat(cells).as("the province workbook").isNotEmpty();
		assertThat(leak(cells.toString())).as("progress.xlsx").isNull();
		for (String lottery : List.of("/api/admin/winners?campaignId=demo", "/api/admin/prizes?campaignId=demo")) {
			byte[] body = ApiOperations.client(suite, Service.LOTTERY).get().uri(lottery)
				.headers(h -> h.setBearerAuth(province)).exchange().expectStatus().isOk().expectBody().returnResult()
				.getResponseBody();
			assertThat(leak(string(body))).as(lottery).isNull();
		}
		byte[] board = ApiOperations.client(suite, Service.SCORING).get().uri("/api/admin/leaderboards/workers")
			.headers(h -> h.setBearerAuth(province)).exchange().expectStatus().isOk().expectBody().returnResult()
			.getResponseBody();
		assertThat(leak(string(board))).as("scoring's leaderboard").isNull();
	}

	/** What in the text looks like personal data the tests entered, or {@code null}. */
	private static String leak(String text) {
		var mobile = MOBILE.matcher(text);
		if (mobile.find()) {
			return "a mobile number near: " + around(text, mobile.start());
		}
		for (String name : NAMES) {
			int at = text.indexOf(name);
			if (at >= 0) {
				return "the name " + name + " near: " + around(text, at);
			}
		}
		return null;
	}

	private static String around(String text, int at) {
		return text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 60));
	}

	private static String string(byte[] bytes) {
		return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
	}
}
