import java.io.File;
import java.io.FileReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.storage.internals.log.LogConfig;

/**
 * Checks what the library emits for Kafka against a real broker and the Kafka libraries of the
 * pinned version:
 *
 * <ul>
 *   <li>broker: every MSK server property is a key of the broker's own config definition and its
 *       value parses and passes that key's validator;
 *   <li>topics: every planned topic is created through the AdminClient with its exact configs,
 *       validate-only first, then for real (replication factor 1: the one test-only change);
 *   <li>streams: every emitted streams.properties builds a StreamsConfig and the client configs
 *       Streams derives from it, with no key unknown to Streams or its clients; then a minimal
 *       exactly-once Streams app runs with those properties against the broker and a read_committed
 *       consumer sees its results.
 * </ul>
 *
 * Usage: KafkaCheck <bootstrap> <inputs dir> <work dir>. Inputs: broker/*.properties,
 * topics/*.properties (topic.name, topic.partitions, topic.replication.factor, config.*),
 * streams/*.properties. Exits 1 when anything fails.
 */
public final class KafkaCheck {
    /** Properties the Streams smoke run changes, because the broker is one local PLAINTEXT node. */
    static final Map<String, String> STREAMS_RUN_OVERRIDES = Map.of(
            "replication.factor", "1",
            "topic.min.insync.replicas", "1",
            "security.protocol", "PLAINTEXT");
    /** Removed for the smoke run: MSK IAM authentication has no local counterpart. */
    static final List<String> STREAMS_RUN_REMOVED = List.of("sasl.mechanism", "sasl.jaas.config", "sasl.client.callback.handler.class");

    private final String bootstrap;
    private final Path work;
    private int passed;
    private int failed;

    KafkaCheck(String bootstrap, Path work) {
        this.bootstrap = bootstrap;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        KafkaCheck check = new KafkaCheck(args[0], Path.of(args[2]));
        Path inputs = Path.of(args[1]);
        check.brokerConfigs(files(inputs.resolve("broker")));
        check.topics(files(inputs.resolve("topics")));
        check.streams(files(inputs.resolve("streams")));
        System.out.printf("kafka: %d passed, %d failed%n", check.passed, check.failed);
        System.exit(check.failed == 0 ? 0 : 1);
    }

    private static List<File> files(Path dir) {
        File[] found = dir.toFile().listFiles((d, n) -> n.endsWith(".properties"));
        List<File> list = new ArrayList<>(found == null ? List.of() : List.of(found));
        Collections.sort(list);
        return list;
    }

    static Map<String, String> load(File file) throws Exception {
        Properties p = new Properties();
        try (Reader in = new FileReader(file)) {
            p.load(in);
        }
        Map<String, String> map = new TreeMap<>();
        for (String k : p.stringPropertyNames()) map.put(k, p.getProperty(k));
        return map;
    }

    private void result(String what, List<String> problems) {
        if (problems.isEmpty()) {
            passed++;
            System.out.println("  ok   " + what);
        } else {
            failed++;
            System.out.println("  FAIL " + what);
            for (String p : problems) System.out.println("         " + p);
        }
    }

    // --- broker -------------------------------------------------------------------------------

    private void brokerConfigs(List<File> files) throws Exception {
        ConfigDef def = kafka.server.KafkaConfig.configDef();
        for (File file : files) {
            List<String> problems = new ArrayList<>();
            for (Map.Entry<String, String> e : load(file).entrySet()) {
                String problem = checkAgainst(def, e.getKey(), e.getValue());
                if (problem != null) problems.add(e.getKey() + " = " + e.getValue() + ": " + problem + " (broker config)");
            }
            result("broker config " + file.getName(), problems);
        }
    }

    /** null when `key` is defined in `def` and `value` parses with its type and passes its validator. */
    static String checkAgainst(ConfigDef def, String key, String value) {
        ConfigDef.ConfigKey k = def.configKeys().get(key);
        if (k == null) return "not a known key";
        try {
            Object parsed = ConfigDef.parseType(key, value, k.type);
            if (k.validator != null) k.validator.ensureValid(key, parsed);
            return null;
        } catch (Exception e) {
            return e.getMessage();
        }
    }

    // --- topics -------------------------------------------------------------------------------

    private void topics(List<File> files) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (File file : files) {
                Map<String, String> spec = load(file);
                Map<String, String> configs = new TreeMap<>();
                spec.forEach((k, v) -> {
                    if (k.startsWith("config.")) configs.put(k.substring("config.".length()), v);
                });
                List<String> problems = new ArrayList<>();
                // The emitted configs are checked by the topic config definition too, which names the key at fault.
                for (Map.Entry<String, String> e : configs.entrySet()) {
                    String problem = checkAgainst(LogConfig.configDefCopy(), e.getKey(), e.getValue());
                    if (problem != null) problems.add(e.getKey() + " = " + e.getValue() + ": " + problem + " (topic config)");
                }
                String name = spec.get("topic.name");
                NewTopic topic = new NewTopic(name, Integer.parseInt(spec.get("topic.partitions")), (short) 1).configs(configs);
                for (boolean validateOnly : new boolean[] {true, false}) {
                    try {
                        admin.createTopics(List.of(topic), new CreateTopicsOptions().validateOnly(validateOnly)).all().get();
                    } catch (ExecutionException e) {
                        problems.add((validateOnly ? "validate-only" : "create") + " refused by the broker: " + e.getCause().getMessage());
                        break;
                    }
                }
                result("topic " + file.getName() + " (" + name + ", " + configs.size() + " configs, RF " + spec.get("topic.replication.factor") + " -> 1)", problems);
            }
        }
    }

    // --- streams ------------------------------------------------------------------------------

    private void streams(List<File> files) throws Exception {
        for (File file : files) {
            Map<String, String> emitted = load(file);
            List<String> problems = new ArrayList<>(streamsConfigProblems(emitted));
            if (problems.isEmpty()) problems.addAll(runExactlyOnce(emitted, file.getName()));
            result("streams " + file.getName(), problems);
        }
    }

    /** Keys neither Streams nor the clients it configures know, and values StreamsConfig or a client config refuses. */
    static List<String> streamsConfigProblems(Map<String, String> emitted) {
        List<String> problems = new ArrayList<>();
        Set<String> known = new HashSet<>(StreamsConfig.configDef().names());
        known.addAll(ConsumerConfig.configNames());
        known.addAll(ProducerConfig.configNames());
        known.addAll(AdminClientConfig.configNames());
        for (String key : emitted.keySet()) {
            String bare = key;
            for (String prefix : new String[] {StreamsConfig.MAIN_CONSUMER_PREFIX, StreamsConfig.RESTORE_CONSUMER_PREFIX,
                    StreamsConfig.GLOBAL_CONSUMER_PREFIX, StreamsConfig.CONSUMER_PREFIX, StreamsConfig.PRODUCER_PREFIX,
                    StreamsConfig.ADMIN_CLIENT_PREFIX}) {
                if (key.startsWith(prefix)) bare = key.substring(prefix.length());
            }
            if (key.startsWith(StreamsConfig.TOPIC_PREFIX)) {
                String topicKey = key.substring(StreamsConfig.TOPIC_PREFIX.length());
                String problem = checkAgainst(LogConfig.configDefCopy(), topicKey, emitted.get(key));
                if (problem != null) problems.add(key + " = " + emitted.get(key) + ": " + problem + " (internal topic config)");
            } else if (!known.contains(bare)) {
                problems.add(key + ": not a config of Kafka Streams or of its consumer, producer or admin client");
            }
        }
        try {
            Properties props = new Properties();
            props.putAll(emitted);
            StreamsConfig config = new StreamsConfig(props);
            // The configs Streams hands its clients: each client parses (and loads the classes named in) its own.
            new ConsumerConfig(withDeserializers(config.getMainConsumerConfigs("group", "client", 0)));
            new ProducerConfig(withSerializers(config.getProducerConfigs("client")));
            new AdminClientConfig(config.getAdminConfigs("client"));
        } catch (Exception e) {
            problems.add("refused: " + e.getMessage());
        }
        return problems;
    }

    // Streams passes its serdes to the clients as objects; the configs alone name none.
    private static Map<String, Object> withDeserializers(Map<String, Object> consumer) {
        Map<String, Object> m = new HashMap<>(consumer);
        m.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        m.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return m;
    }

    private static Map<String, Object> withSerializers(Map<String, Object> producer) {
        Map<String, Object> m = new HashMap<>(producer);
        m.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        m.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return m;
    }

    /** A minimal exactly-once topology (upper-casing values) run with the emitted properties against the broker. */
    private List<String> runExactlyOnce(Map<String, String> emitted, String label) throws Exception {
        List<String> problems = new ArrayList<>();
        String run = label.replaceAll("[^A-Za-z0-9]", "-") + "-" + UUID.randomUUID().toString().substring(0, 8);
        String in = run + "-in";
        String out = run + "-out";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(in, 2, (short) 1), new NewTopic(out, 2, (short) 1))).all().get();
        }
        int records = 20;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (int i = 0; i < records; i++) producer.send(new ProducerRecord<>(in, "k" + i, "order-" + i));
        }

        Properties props = new Properties();
        props.putAll(emitted);
        STREAMS_RUN_REMOVED.forEach(props::remove);
        props.putAll(STREAMS_RUN_OVERRIDES);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, emitted.get(StreamsConfig.APPLICATION_ID_CONFIG) + "-" + run);
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(work.resolve("state").resolve(run)).toString());
        // Start from the beginning whatever the emitted reset policy: the records are already there.
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");

        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(in, Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(v -> v.toUpperCase())
                .to(out, Produced.with(Serdes.String(), Serdes.String()));
        KafkaStreams streams = new KafkaStreams(builder.build(), props);
        List<String> seen = new ArrayList<>();
        try {
            streams.start();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, run + "-reader",
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
                consumer.subscribe(List.of(out));
                // Bounded by attempts, not a clock: each poll waits at most 1 s.
                for (int attempt = 0; attempt < 120 && seen.size() < records; attempt++) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) seen.add(r.value());
                    if (streams.state() == KafkaStreams.State.ERROR) break;
                }
            }
        } finally {
            streams.close(Duration.ofSeconds(30));
        }
        if (seen.size() != records) problems.add("exactly-once run: a read_committed consumer saw " + seen.size() + " of " + records + " results (state " + streams.state() + ")");
        else if (!seen.stream().allMatch(v -> v.startsWith("ORDER-"))) problems.add("exactly-once run: unexpected results " + seen);
        String warnings = unknownConfigWarnings();
        if (!warnings.isEmpty()) problems.add("Kafka logged unknown configs: " + warnings);
        return problems;
    }

    /** The clients log "supplied but isn't a known config" for every key they do not know; the log goes to a file. */
    private String unknownConfigWarnings() throws Exception {
        Path log = Path.of(System.getProperty("kafkacheck.log", work.resolve("kafka-check.log").toString()));
        if (!Files.exists(log)) return "";
        List<String> hits = new ArrayList<>();
        for (String line : Files.readAllLines(log)) if (line.contains("isn't a known config")) hits.add(line.trim());
        Files.writeString(log, "");
        return String.join("; ", hits);
    }
}
