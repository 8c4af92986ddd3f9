import java.io.File;
import java.io.FileReader;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.FallbackKey;

/**
 * Checks emitted Flink configurations against the option definitions in one Flink version's jars
 * (core, runtime, streaming, clients, RocksDB, Kubernetes, S3 Hadoop plugin, Prometheus reporter)
 * and the operator's autoscaler and operator options, all on this JVM's classpath.
 *
 * Every key must be an option's key, or a deprecated key that version still reads (an option's
 * fallback key), or belong to a family Flink forwards by prefix (metrics reporters, the S3
 * plugin's Hadoop keys); every value must parse with the option's type.
 *
 * The operator's options (autoscaler and operator keys, which the operator reads from the same
 * flinkConfiguration) come from a catalog of its release, as its jars are not on Maven Central.
 *
 * Usage: FlinkConfigCheck <flink version> [--operator-options <catalog.tsv>] [--must-reject] <file.properties>...;
 * with --must-reject every file is a control that must have a problem. Prints one line per problem and a
 * summary; exits 1 when any file has a problem.
 */
public final class FlinkConfigCheck {
    private static final String REPORTER_PREFIX = "metrics.reporter.";
    private static final String REPORTER_FACTORY = "org.apache.flink.metrics.reporter.MetricReporterFactory";

    /** key -> option, for options' own keys. */
    private final Map<String, ConfigOption<?>> options = new HashMap<>();
    /** deprecated key -> option still reading it. */
    private final Map<String, ConfigOption<?>> deprecated = new HashMap<>();
    /** Options declared by MetricOptions with keys relative to metrics.reporter.<name>. */
    private final Map<String, ConfigOption<?>> reporterOptions = new HashMap<>();
    /** Hadoop S3A keys (values of org.apache.hadoop.fs.s3a.Constants in the S3 plugin jar). */
    private final Map<String, String> s3aKeys = new HashMap<>();
    private int holderClasses;

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: FlinkConfigCheck <flink version> <file.properties>...");
            System.exit(2);
        }
        FlinkConfigCheck check = new FlinkConfigCheck();
        check.collect();
        int first = 1;
        boolean mustReject = false;
        if (args[first].equals("--operator-options")) {
            check.readCatalog(args[first + 1]);
            first += 2;
        }
        if (args[first].equals("--must-reject")) {
            mustReject = true;
            first++;
        }
        int failed = 0;
        int passed = 0;
        for (int i = first; i < args.length; i++) {
            List<String> problems = check.check(load(args[i]));
            String name = new File(args[i]).getName();
            if (mustReject) {
                // A control: the check must find something wrong in it.
                System.out.println("  control " + name + ": " + problems.size() + " problem(s) found" + (problems.isEmpty() ? " (expected some)" : ""));
                for (String p : problems) System.out.println("         " + p);
                problems = problems.isEmpty() ? List.of("the check accepted a configuration it must refuse") : List.of();
            }
            if (problems.isEmpty()) {
                passed++;
                System.out.println("  ok   " + name);
            } else {
                failed++;
                System.out.println("  FAIL " + name);
                for (String p : problems) System.out.println("         " + p);
            }
        }
        System.out.printf("flink %s: %d options (%d deprecated keys) from %d classes; %d passed, %d failed%n",
                args[0], check.options.size(), check.deprecated.size(), check.holderClasses, passed, failed);
        System.exit(failed == 0 ? 0 : 1);
    }

    private static Map<String, String> load(String file) throws Exception {
        Properties p = new Properties();
        try (Reader in = new FileReader(file)) {
            p.load(in);
        }
        Map<String, String> map = new TreeMap<>();
        for (String k : p.stringPropertyNames()) map.put(k, p.getProperty(k));
        return map;
    }

    /** Reads every ConfigOption constant of every options holder class on the classpath. */
    private void collect() throws Exception {
        ClassLoader loader = FlinkConfigCheck.class.getClassLoader();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.endsWith(".jar")) continue;
            try (JarFile jar = new JarFile(entry)) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    String name = entries.nextElement().getName();
                    if (!name.endsWith(".class") || name.contains("$")) continue;
                    String className = name.substring(0, name.length() - 6).replace('/', '.');
                    if (className.endsWith("org.apache.hadoop.fs.s3a.Constants")) {
                        readS3aKeys(loader, className);
                    } else if (className.startsWith("org.apache.flink.") && (className.endsWith("Options") || className.endsWith("Config"))) {
                        readOptions(loader, className);
                    }
                }
            }
        }
    }

    private void readOptions(ClassLoader loader, String className) {
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (Throwable e) {
            return; // a class whose dependencies are not here declares no option we check
        }
        boolean any = false;
        for (Field f : type.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || !ConfigOption.class.isAssignableFrom(f.getType())) continue;
            ConfigOption<?> option;
            try {
                f.setAccessible(true);
                option = (ConfigOption<?>) f.get(null);
            } catch (Throwable e) {
                continue;
            }
            if (option == null) continue;
            any = true;
            if (type.getName().equals("org.apache.flink.configuration.MetricOptions") && !option.key().startsWith("metrics.")) {
                reporterOptions.put(option.key(), option);
                continue;
            }
            options.putIfAbsent(option.key(), option);
            for (FallbackKey fallback : option.fallbackKeys()) {
                if (fallback.isDeprecated()) deprecated.putIfAbsent(fallback.getKey(), option);
                else options.putIfAbsent(fallback.getKey(), option);
            }
        }
        if (any) holderClasses++;
    }

    /** Options of the operator release: key, type, other keys it reads (tab-separated; # comments). */
    private void readCatalog(String file) throws Exception {
        int count = 0;
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(file))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] cells = line.split("\t");
            ConfigOptions.OptionBuilder builder = ConfigOptions.key(cells[0]);
            ConfigOption<?> option = switch (cells[1]) {
                case "boolean" -> builder.booleanType().noDefaultValue();
                case "duration" -> builder.durationType().noDefaultValue();
                case "int" -> builder.intType().noDefaultValue();
                case "long" -> builder.longType().noDefaultValue();
                case "double" -> builder.doubleType().noDefaultValue();
                case "float" -> builder.floatType().noDefaultValue();
                case "memory" -> builder.memoryType().noDefaultValue();
                case "map" -> builder.mapType().noDefaultValue();
                case "list" -> builder.stringType().asList().noDefaultValue();
                default -> builder.stringType().noDefaultValue();
            };
            String[] others = java.util.Arrays.copyOfRange(cells, 2, cells.length);
            option = option.withFallbackKeys(others);
            options.putIfAbsent(cells[0], option);
            for (String other : others) options.putIfAbsent(other, option);
            count++;
        }
        holderClasses++;
        System.out.println("         operator options: " + count + " from " + new File(file).getName());
    }

    private void readS3aKeys(ClassLoader loader, String className) {
        try {
            for (Field f : Class.forName(className, false, loader).getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                    f.setAccessible(true);
                    Object v = f.get(null);
                    if (v instanceof String s && s.startsWith("fs.s3a.")) s3aKeys.put(s, className);
                }
            }
        } catch (Throwable e) {
            // no S3A constants: every fs.s3a key will be reported unknown
        }
    }

    private List<String> check(Map<String, String> config) {
        prepare(config);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : config.entrySet()) {
            String problem = checkKey(e.getKey(), e.getValue());
            if (problem != null) problems.add(e.getKey() + " = " + e.getValue() + ": " + problem);
        }
        return problems;
    }

    private String checkKey(String key, String value) {
        ConfigOption<?> option = options.get(key);
        if (option != null) return parse(option, key, value);
        option = deprecated.get(key);
        if (option != null) {
            String problem = parse(option, key, value);
            System.out.println("         note: " + key + " is deprecated; this version reads it for " + option.key());
            return problem;
        }
        if (key.startsWith(REPORTER_PREFIX)) return checkReporterKey(key, value);
        for (String prefix : new String[] {"fs.s3a.", "s3a.", "s3."}) {
            if (key.startsWith(prefix)) return checkS3Key("fs.s3a." + key.substring(prefix.length()), value);
        }
        return "not an option of this Flink version, nor a deprecated key it still reads";
    }

    private static String parse(ConfigOption<?> option, String key, String value) {
        Map<String, String> one = new HashMap<>();
        one.put(key, value);
        try {
            Object parsed = Configuration.fromMap(one).get(option);
            return parsed == null ? "does not parse as " + option.key() : null;
        } catch (Throwable t) {
            return "value does not parse for " + option.key() + ": " + t.getMessage();
        }
    }

    /** metrics.reporter.<name>.<option>: MetricOptions' reporter options, or a key the reporter's factory declares. */
    private String checkReporterKey(String key, String value) {
        String rest = key.substring(REPORTER_PREFIX.length());
        int dot = rest.indexOf('.');
        if (dot < 0) return "not a reporter option (metrics.reporter.<name>.<option>)";
        String suffix = rest.substring(dot + 1);
        ConfigOption<?> option = reporterOptions.get(suffix);
        if (option != null) {
            String problem = parse(option, suffix, value);
            if (problem != null || !suffix.equals("factory.class")) return problem;
            try {
                Class<?> factory = Class.forName(value, false, FlinkConfigCheck.class.getClassLoader());
                Class<?> api = Class.forName(REPORTER_FACTORY, false, FlinkConfigCheck.class.getClassLoader());
                return api.isAssignableFrom(factory) ? null : value + " is not a " + REPORTER_FACTORY;
            } catch (Throwable t) {
                return "reporter factory class not found in this version's jars";
            }
        }
        // Reporter-specific arguments: the factory's declared argument names (ARG_* constants or its own options).
        String factoryKey = REPORTER_PREFIX + rest.substring(0, dot) + ".factory.class";
        return reporterArguments(factoryKey).contains(suffix) ? null : "neither a reporter option nor an argument of the reporter";
    }

    private List<String> reporterArguments(String factoryKey) {
        List<String> names = new ArrayList<>();
        String factory = pendingFactories.get(factoryKey);
        if (factory == null) return names;
        try {
            Class<?> type = Class.forName(factory, true, FlinkConfigCheck.class.getClassLoader());
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) continue;
                    f.setAccessible(true);
                    Object v = f.get(null);
                    if (v instanceof String s && f.getName().startsWith("ARG_")) names.add(s);
                    if (v instanceof ConfigOption<?> o) names.add(o.key());
                }
            }
            String options = type.getPackageName() + "." + type.getSimpleName().replace("Factory", "Options");
            try {
                for (Field f : Class.forName(options, true, FlinkConfigCheck.class.getClassLoader()).getDeclaredFields()) {
                    f.setAccessible(true);
                    if (Modifier.isStatic(f.getModifiers()) && f.get(null) instanceof ConfigOption<?> o) names.add(o.key());
                }
            } catch (ClassNotFoundException e) {
                // the factory declares its arguments itself
            }
        } catch (Throwable t) {
            // an unknown factory was already reported on its factory.class key
        }
        return names;
    }

    /** factory.class values of the file being checked, so reporter arguments are looked up on the right factory. */
    private final Map<String, String> pendingFactories = new HashMap<>();

    private String checkS3Key(String hadoopKey, String value) {
        if (s3aKeys.isEmpty()) return "no S3 Hadoop plugin (org.apache.hadoop.fs.s3a.Constants) in this version's jars";
        if (!s3aKeys.containsKey(hadoopKey)) return "the S3 Hadoop plugin forwards it as " + hadoopKey + ", which S3A does not define";
        if (hadoopKey.equals("fs.s3a.aws.credentials.provider")) {
            for (String provider : value.split(",")) {
                if (!pluginHasClass(provider.trim())) return "credentials provider " + provider.trim() + " is not in this version's S3 Hadoop plugin";
            }
        }
        return null;
    }

    /** The plugin carries the class as named, or relocated under its shading prefix (which it applies to provider names). */
    private boolean pluginHasClass(String name) {
        ClassLoader loader = FlinkConfigCheck.class.getClassLoader();
        for (String prefix : new String[] {"", "org.apache.flink.fs.s3base.shaded.", "org.apache.flink.fs.shaded.hadoop3."}) {
            if (loader.getResource((prefix + name).replace('.', '/') + ".class") != null) return true;
        }
        return false;
    }

    /** Remembers the reporter factories a file names before its keys are checked. */
    private void prepare(Map<String, String> file) {
        pendingFactories.clear();
        for (Map.Entry<String, String> e : file.entrySet()) {
            if (e.getKey().startsWith(REPORTER_PREFIX) && e.getKey().endsWith(".factory.class")) pendingFactories.put(e.getKey(), e.getValue());
        }
    }
}
