import * as pulumi from "@pulumi/pulumi";
import type * as kafka from "@pulumi/kafka";
import { requirePeer } from "../core/optional-peers";
import { KafkaAccess } from "../core/kafka-access";
import { KafkaStreamsSettings } from "./streams-app-args";
import { kafkaProvider } from "./kafka-provider";

/**
 * Exactly what a Streams app touches: its inputs (read), outputs (write), its internal topics
 * (`<application.id>-*`: create, read, write, and delete records on repartition topics), its
 * consumer group (`<application.id>`) and, with exactly-once, its transactional ids
 * (`<application.id>-<process>-<thread>`).
 */
export function streamsAccess(s: KafkaStreamsSettings): KafkaAccess {
    const internal = `${s.applicationId}-*`;
    return {
        readTopics: s.inputs.map((t) => t.name),
        writeTopics: s.outputs.map((t) => t.name),
        manageTopics: [internal],
        consumerGroups: [s.applicationId],
        transactionalIds: s.processingGuarantee === "exactly_once_v2" ? [internal] : [],
    };
}

/** What KEDA reads to measure lag: the group's committed offsets and the end offsets of the topics it consumes. */
export function lagReaderAccess(s: KafkaStreamsSettings): KafkaAccess {
    return { describeTopics: [...s.inputs.map((t) => t.name), `${s.applicationId}-*`], describeGroups: [s.applicationId] };
}

interface AclSpec {
    role: string;
    resourceType: "Topic" | "Group" | "TransactionalID";
    resourceName: string;
    pattern: "Literal" | "Prefixed";
    operation: string;
}

/** The Kafka ACLs equivalent to {@link streamsAccess}, for SCRAM and mutual-TLS clusters. */
export function streamsAclSpecs(s: KafkaStreamsSettings): AclSpec[] {
    const specs: AclSpec[] = [];
    const topic = (role: string, name: string, pattern: AclSpec["pattern"], ops: string[]) =>
        ops.forEach((operation) =>
            specs.push({ role: `${role}-${operation.toLowerCase()}`, resourceType: "Topic", resourceName: name, pattern, operation }),
        );
    for (const t of s.inputs) topic(`in-${t.name}`, t.name, "Literal", ["Read", "Describe"]);
    for (const t of s.outputs) topic(`out-${t.name}`, t.name, "Literal", ["Write", "Describe"]);
    // Internal topics: created on start, read and written, repartition topics purged (DeleteRecords).
    topic("internal", `${s.applicationId}-`, "Prefixed", ["Create", "Read", "Write", "Delete", "Describe", "DescribeConfigs"]);
    specs.push({ role: "group-read", resourceType: "Group", resourceName: s.applicationId, pattern: "Literal", operation: "Read" });
    specs.push({ role: "group-describe", resourceType: "Group", resourceName: s.applicationId, pattern: "Literal", operation: "Describe" });
    if (s.processingGuarantee === "exactly_once_v2") {
        for (const operation of ["Write", "Describe"]) {
            specs.push({
                role: `txn-${operation.toLowerCase()}`,
                resourceType: "TransactionalID",
                resourceName: `${s.applicationId}-`,
                pattern: "Prefixed",
                operation,
            });
        }
    }
    return specs;
}

/** Creates the ACLs through `@pulumi/kafka`, logged in as the ACL admin connection. */
export function createStreamsAcls(name: string, s: KafkaStreamsSettings, parent: pulumi.Resource): kafka.Acl[] {
    const kafka = requirePeer("@pulumi/kafka", `KafkaStreamsApp "${name}"`);
    const principal: pulumi.Input<string> = s.aclPrincipal ?? pulumi.output(s.connection.scram?.username ?? "").apply((u) => `User:${u}`);
    const provider = kafkaProvider(`${name}-acl-admin`, s.aclConnection, parent);
    return streamsAclSpecs(s).map(
        (spec) =>
            new kafka.Acl(
                `${name}-acl-${spec.role}`,
                {
                    aclPrincipal: principal,
                    aclHost: "*",
                    aclOperation: spec.operation,
                    aclPermissionType: "Allow",
                    aclResourceType: spec.resourceType,
                    aclResourceName: spec.resourceName,
                    resourcePatternTypeFilter: spec.pattern,
                },
                { parent, provider },
            ),
    );
}
