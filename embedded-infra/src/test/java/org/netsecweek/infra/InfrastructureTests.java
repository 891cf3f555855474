package org.netsecweek.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class InfrastructureTests {

	private final Infrastructure infrastructure = Infrastructure.shared();

	@Test
	void startsOncePerJvm() {
		assertThat(Infrastructure.shared()).isSameAs(infrastructure);
	}

	@Test
	void postgresIsARealServerThatCreatesDatabases() throws Exception {
		Postgres postgres = infrastructure.postgres();
		postgres.createDatabase("infra_check");
		postgres.createDatabase("infra_check"); // a second time is harmless

		try (var connection = DriverManager.getConnection(postgres.jdbcUrl("infra_check"), postgres.username(),
				postgres.password()); var statement = connection.createStatement()) {
			var rs = statement.executeQuery("SELECT current_setting('server_version_num')::int");
			rs.next();
			assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(170000);
		}
	}

	@Test
	void kafkaIsARealBrokerThatRoundTripsARecord() throws Exception {
		Properties producer = new Properties();
		producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
		try (var out = new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer())) {
			out.send(new ProducerRecord<>("infra-check", "k", "hello")).get();
		}
		Properties consumer = new Properties();
		consumer.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "infra-check", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
		try (var in = new KafkaConsumer<>(consumer, new StringDeserializer(), new StringDeserializer())) {
			in.subscribe(List.of("infra-check"));
			String value = null;
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (value == null && System.nanoTime() < deadline) {
				for (var record : in.poll(Duration.ofMillis(500))) {
					value = record.value();
				}
			}
			assertThat(value).isEqualTo("hello");
		}
	}

	@Test
	void refusesAnUnsafeDatabaseName() {
		org.assertj.core.api.Assertions
			.assertThatIllegalArgumentException()
			.isThrownBy(() -> infrastructure.postgres().createDatabase("x; DROP DATABASE postgres"));
	}
}
