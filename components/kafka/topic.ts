import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { requirePeer } from "../core/optional-peers";
import { KafkaConnection } from "../core/contracts";
import { dataProtection } from "../core/protection";
import { KafkaTopicArgs, TopicSettings, TopicShape } from "./topic-args";
import { topicConfigs } from "./topic-config";
import { flavourTopicConfigs } from "./topic-flavour-rules";
import { mskFlavourOf } from "./msk-flavour";
import { COMPONENT, KafkaTopicSettings, kafkaTopicSettings } from "./topic-validate";
import { kafkaProvider, kafkaProviderFromOpts, usesMskTopicApi } from "./kafka-provider";
import { clashRegistry, foldTopicName } from "../core/clashes";

/**
 * One Kafka topic that is never silently lost. On provisioned MSK (the connection has a cluster
 * ARN) it is an `aws.msk.Topic`, managed through the AWS API with no network path to the brokers;
 * on MSK Serverless, which has no topic API, and on a cluster you bring it is a `@pulumi/kafka`
 * topic, created with the connection's own credentials (IAM on MSK Serverless). The same arguments
 * work for all of them, within what each cluster allows. Protected by default, and anything that would replace it (name,
 * replication factor, a partition decrease) is refused rather than recreating it empty.
 */
export class KafkaTopic extends pulumi.ComponentResource {
    /** The topic name. */
    readonly topicName: string;
    /** Partition count. */
    readonly partitions: number;
    /** Replication factor. */
    readonly replicationFactor: number;
    /** What cannot change in place; export it and feed it back as `previous` (see the README). */
    readonly shape: TopicShape;
    /** `msk` when managed through the MSK API, `kafka` when through `@pulumi/kafka`. */
    readonly backend: "msk" | "kafka";
    /** The topic ARN on MSK; undefined on a cluster you bring. */
    readonly arn?: pulumi.Output<string>;
    /** The topic configs applied, as strings. */
    readonly configs: Readonly<Record<string, string>>;

    constructor(name: string, args: KafkaTopicArgs, opts?: pulumi.ComponentResourceOptions) {
        // Checked before super(): a rejected topic registers nothing, not even itself.
        const s: KafkaTopicSettings = kafkaTopicSettings(name, args);
        warnOnNameCollisions(name, s.name);
        clashRegistry().claimAll([
            {
                kind: "child-name",
                identity: name,
                key: `${COMPONENT}::${name}`,
                who: { component: COMPONENT, name, field: "name" },
                scope: opts?.parent,
            },
            // Kafka folds . into _ in metric names: orders.v1 and orders_v1 cannot live on one cluster.
            {
                kind: "kafka-topic",
                identity: s.name,
                key: foldTopicName(s.name),
                who: { component: COMPONENT, name, field: "name" },
                scope: s.connection,
            },
        ]);
        super("spectrum:index:KafkaTopic", name, {}, opts);

        this.topicName = s.name;
        this.partitions = s.partitions;
        this.replicationFactor = s.replicationFactor;
        this.shape = { name: s.name, partitions: s.partitions, replicationFactor: s.replicationFactor };
        this.configs = flavourTopicConfigs(topicConfigs(s), mskFlavourOf(s.connection));

        const resource = createTopicResource(name, s, this.configs, s.connection, this, s.kafkaProvider ?? kafkaProviderFromOpts(opts));
        this.backend = resource.backend;
        this.arn = resource.arn;
        this.registerOutputs({
            topicName: this.topicName,
            partitions: this.partitions,
            replicationFactor: this.replicationFactor,
            backend: this.backend,
            arn: this.arn,
        });
    }
}

function warnOnNameCollisions(component: string, topic: string): void {
    if (topic.includes(".") && topic.includes("_")) {
        pulumi.log.warn(
            `KafkaTopic "${component}": name "${topic}" mixes "." and "_"; Kafka's metric names treat them alike, so it can collide with another topic's metrics.`,
        );
    }
}

/** The backing resource: MSK API when the connection names an MSK cluster, `@pulumi/kafka` otherwise. */
function createTopicResource(
    name: string,
    s: TopicSettings,
    configs: Record<string, string>,
    connection: KafkaConnection,
    parent: pulumi.Resource,
    provider: pulumi.ProviderResource | undefined,
): { backend: "msk" | "kafka"; arn?: pulumi.Output<string> } {
    // A replacement would drop the topic's data: protection blocks it at `pulumi up`, and
    // replaceOnChanges makes sure a provider that would "update" these fields in place still
    // plans (and so refuses) a replacement. deleteBeforeReplace: the name is fixed, so a new
    // topic can only exist once the old one is gone.
    const common = { parent, ...dataProtection(s.protect), deleteBeforeReplace: true };
    if (usesMskTopicApi(connection)) {
        const topic = new aws.msk.Topic(
            `${name}-topic`,
            {
                clusterArn: connection.clusterArn as pulumi.Input<string>,
                name: s.name,
                partitionCount: s.partitions,
                replicationFactor: s.replicationFactor,
                configs: JSON.stringify(configs),
            },
            { ...common, replaceOnChanges: ["name", "clusterArn", "replicationFactor"] },
        );
        return { backend: "msk", arn: topic.arn };
    }
    const kafka = requirePeer("@pulumi/kafka", `KafkaTopic "${name}"`);
    const kafkaProv = provider ?? kafkaProvider(`${name}-kafka`, connection, parent);
    new kafka.Topic(
        `${name}-topic`,
        { name: s.name, partitions: s.partitions, replicationFactor: s.replicationFactor, config: configs },
        { ...common, provider: kafkaProv, replaceOnChanges: ["name", "replicationFactor"] },
    );
    return { backend: "kafka" };
}
