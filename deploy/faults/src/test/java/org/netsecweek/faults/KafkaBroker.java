package org.netsecweek.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * Kafka's own broker (KRaft, broker and controller in one) in a child JVM from the Kafka jars on the test classpath,
 * on a fixed port and log directory, so that it can be stopped and started again as the same broker with the same
 * data: the in-JVM test kit can do neither.
 */
final class KafkaBroker implements AutoCloseable {

	private final int port;

	private final ChildProcess process;

	private KafkaBroker(int port, ChildProcess process) {
		this.port = port;
		this.process = process;
	}

	static KafkaBroker start(Path directory, int partitions) {
		try {
			int port = ChildProcess.freePort();
			int controller = ChildProcess.freePort();
			Path config = directory.resolve("server.properties");
			Files.createDirectories(directory);
			Files.writeString(config, String.join("\n", "process.roles=broker,controller", "node.id=1",
					"listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
					"advertised.listeners=PLAINTEXT://127.0.0.1:" + port, "controller.listener.names=CONTROLLER",
					"listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
					"controller.quorum.bootstrap.servers=127.0.0.1:" + controller,
					"log.dirs=" + directory.resolve("data"), "num.partitions=" + partitions,
					"auto.create.topics.enable=true", "offsets.topic.replication.factor=1",
					"offsets.topic.num.partitions=5", "transaction.state.log.replication.factor=1",
					"transaction.state.log.min.isr=1", "group.initial.rebalance.delay.ms=0",
					"log.retention.hours=168", ""));
			String classpath = System.getProperty("java.class.path");
			Path log = directory.resolve("broker.log");
			ChildProcess format = new ChildProcess("kafka-storage-format", List.of(ChildProcess.java(), "-cp", classpath,
					"kafka.tools.StorageTool", "format", "--standalone", "-t", Uuid.randomUuid().toString(), "-c", config.toString()), log);
			format.start();
			if (!format.waitForExit(60)) {
				throw new IllegalStateException("Formatting the broker's storage took over a minute; see " + log);
			}
			ChildProcess broker = new ChildProcess("Kafka broker", List.of(ChildProcess.java(), "-Xmx512m",
					"-XX:+UseSerialGC", "-cp", classpath, "kafka.Kafka", config.toString()), log);
			KafkaBroker kafka = new KafkaBroker(port, broker);
			kafka.up();
			return kafka;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String bootstrapServers() {
		return "127.0.0.1:" + port;
	}

	/** Starts the broker (again) and waits until it answers. */
	void up() {
		process.start();
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (true) {
			try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
					AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
					3000))) {
				admin.describeCluster().nodes().get();
				return;
			}
			catch (Exception ex) {
				if (!process.alive() || System.nanoTime() > deadline) {
					throw new IllegalStateException("The Kafka broker did not start; see " + process.log(), ex);
				}
			}
		}
	}

	/** Stops the broker as an operator would (SIGTERM, controlled shutdown). */
	void down() {
		process.stop();
	}

	@Override
	public void close() {
		process.stop();
	}
}
