import { SpectrumValidationError, Validator } from "../core/errors";
import { clashRegistry, foldTopicName } from "../core/clashes";
import { fieldPath, parseArgs } from "../core/schema";
import { KafkaTopicsSettings, kafkaTopicsArgs, resolveSettings } from "./topics-args";
import { checkTopic, checkTopicConnection } from "./topic-validate";
import { mskFlavourOf } from "./msk-flavour";
import { checkServerlessPartitionTotals } from "./topic-flavour-rules";

export const COMPONENT = "KafkaTopics";

/**
 * Checks KafkaTopics' args, structure first (the declaration in topics-args.ts), then every topic,
 * that no two share a name (or a metric name, `.` and `_` folded), and that none is claimed on the
 * cluster already; returns the settings the component reads. Throws one SpectrumValidationError
 * naming every problem; call it before registering anything.
 */
export function kafkaTopicsSettings(name: string, args: unknown): KafkaTopicsSettings {
    const s = resolveSettings(parseArgs(COMPONENT, name, kafkaTopicsArgs, args));
    validateKafkaTopics(name, s);
    return s;
}

/** Every topic's rules, and names that clash within the map or with topics already declared on the cluster. */
export function validateKafkaTopics(name: string, s: KafkaTopicsSettings): void {
    const v = new Validator(COMPONENT, name);
    v.check(s.topics.length > 0, "topics", {}, "no topics declared", 'Declare at least one topic, e.g. topics: { "orders.v1": {} }');
    checkTopicConnection(v, s.connection);
    const seen = new Map<string, { key: string; name: string }>();
    const clashes: string[] = [];
    for (const { key, settings } of s.topics) {
        checkTopic(v, [{ key: "topics" }, { key }], settings, s.connection);
        const field = fieldPath([{ key: "topics" }, { key }, { key: "name" }]);
        const other = seen.get(foldTopicName(settings.name));
        if (other === undefined) {
            seen.set(foldTopicName(settings.name), { key, name: settings.name });
            const clash = clashRegistry().conflict(
                "kafka-topic",
                settings.name,
                { component: COMPONENT, name, field },
                s.connection,
                foldTopicName(settings.name),
            );
            if (clash) clashes.push(clash);
        } else if (other.name === settings.name) {
            v.fail(field, settings.name, `topic "${other.key}" already has this name`, "Give each topic its own name");
        } else {
            v.fail(
                field,
                settings.name,
                `topic "${other.key}" is named "${other.name}", and Kafka folds . and _ into one metric name, so the two collide`,
                "Use one separator style for all topic names, or rename one topic",
            );
        }
    }
    if (mskFlavourOf(s.connection) === "serverless")
        checkServerlessPartitionTotals(
            v,
            "topics",
            s.topics.map((t) => t.settings),
        );
    // Topics other components already declared on this cluster come last, as the registry words them.
    const all = [...v.messages, ...clashes];
    if (all.length > 0) throw new SpectrumValidationError(all);
}
