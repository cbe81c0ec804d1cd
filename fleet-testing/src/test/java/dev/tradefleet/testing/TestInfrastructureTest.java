package dev.tradefleet.testing;

import dev.tradefleet.contracts.Topics;
import dev.tradefleet.embedded.EmbeddedKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestInfrastructureTest {

    @Test
    void postgresServesSqlInAFreshDatabase() throws Exception {
        String db = TestInfrastructure.newDatabase("infra");
        try (Connection c = DriverManager.getConnection(TestInfrastructure.postgres().jdbcUrl(db), "postgres", "")) {
            c.createStatement().execute("CREATE TABLE amounts(v NUMERIC(38, 18))");
            c.createStatement().execute("INSERT INTO amounts VALUES (0.1), (0.2)");
            ResultSet rs = c.createStatement().executeQuery("SELECT sum(v)::text, current_database(), version() FROM amounts");
            rs.next();
            assertEquals("0.300000000000000000", rs.getString(1));
            assertEquals(db, rs.getString(2));
            assertTrue(rs.getString(3).startsWith("PostgreSQL 17"), rs.getString(3));
        }
    }

    @Test
    void kafkaHasEveryTopicAndCarriesRecords() throws Exception {
        EmbeddedKafka kafka = TestInfrastructure.kafka();
        try (var admin = kafka.admin()) {
            assertTrue(admin.listTopics().names().get().containsAll(Topics.allWithDeadLetters()));
        }
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.MARKET_TICKERS, "paper:BTCUSDT", "hello")).get();
        }
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, TestInfrastructure.newGroup("infra"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.MARKET_TICKERS));
            long deadline = System.currentTimeMillis() + 30_000;
            String value = null;
            while (value == null && System.currentTimeMillis() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                for (var r : records) {
                    value = r.value();
                }
            }
            assertEquals("hello", value);
        }
    }
}
