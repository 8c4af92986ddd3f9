import { Validator } from "../core/errors";
import { KafkaTopicsArgs, KafkaTopicsSettings } from "./topics-args";
import { checkTopic } from "./topic-validate";
import { mskFlavourOf } from "./msk-flavour";
import { checkServerlessPartitionTotals } from "./topic-flavour-rules";

/** Checks every topic, and that no two share a name; throws one error listing every problem. */
export function validateKafkaTopics(name: string, args: KafkaTopicsArgs, s: KafkaTopicsSettings): void {
    const v = new Validator("KafkaTopics", name);
    v.check(
        s.topics.length > 0,
        "topics",
        args.topics,
        "no topics declared",
        'Declare at least one topic, e.g. topics: { "orders.v1": {} }',
    );
    const seen = new Map<string, string>();
    for (const { key, spec, settings } of s.topics) {
        checkTopic(v, `topics["${key}"].`, spec, settings, args.connection);
        const other = seen.get(settings.name);
        v.check(
            other === undefined,
            `topics["${key}"].name`,
            settings.name,
            `topic "${other}" already has this name`,
            "Give each topic its own name",
        );
        seen.set(settings.name, key);
    }
    if (mskFlavourOf(args.connection) === "serverless")
        checkServerlessPartitionTotals(
            v,
            "topics",
            s.topics.map((t) => t.settings),
        );
    v.throwIfInvalid();
}
