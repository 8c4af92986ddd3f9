import * as pulumi from "@pulumi/pulumi";
import { PolicyStatement } from "../../components/core/iam";
import { kafkaIamStatements } from "../../components/core/kafka-access";

const CLUSTER = "arn:aws:kafka:us-east-1:123456789012:cluster/events/abcd-1";

function resolve(statements: PolicyStatement[]): Promise<Array<{ Action: string[]; Resource: string[] }>> {
    return new Promise((ok) => pulumi.output(statements).apply((s) => ok(s as unknown as Array<{ Action: string[]; Resource: string[] }>)));
}

describe("kafkaIamStatements", () => {
    it("grants describe-only access to topics and groups a lag monitor inspects, and nothing more", async () => {
        const statements = await resolve(kafkaIamStatements(CLUSTER, { describeTopics: ["orders", "app-*"], describeGroups: ["app"] }));
        expect(statements).toEqual([
            { Effect: "Allow", Action: ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster"], Resource: [CLUSTER] },
            {
                Effect: "Allow",
                Action: ["kafka-cluster:DescribeTopic"],
                Resource: [
                    "arn:aws:kafka:us-east-1:123456789012:topic/events/abcd-1/orders",
                    "arn:aws:kafka:us-east-1:123456789012:topic/events/abcd-1/app-*",
                ],
            },
            {
                Effect: "Allow",
                Action: ["kafka-cluster:DescribeGroup"],
                Resource: ["arn:aws:kafka:us-east-1:123456789012:group/events/abcd-1/app"],
            },
        ]);
    });

    it("leaves grants without describe-only entries unchanged", async () => {
        const statements = await resolve(kafkaIamStatements(CLUSTER, { readTopics: ["orders"], consumerGroups: ["g"] }));
        expect(statements.map((s) => s.Action)).toEqual([
            ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster"],
            ["kafka-cluster:DescribeTopic", "kafka-cluster:ReadData"],
            ["kafka-cluster:DescribeGroup", "kafka-cluster:AlterGroup"],
        ]);
    });

    it("lets a Streams app delete records on its own repartition topics (DeleteRecords needs DeleteTopic under MSK IAM)", async () => {
        const statements = await resolve(kafkaIamStatements(CLUSTER, { manageTopics: ["app-*"] }));
        const manage = statements.find((s) => s.Resource.some((r) => r.endsWith("/app-*")));
        expect(manage?.Action).toEqual(
            expect.arrayContaining([
                "kafka-cluster:DeleteTopic",
                "kafka-cluster:CreateTopic",
                "kafka-cluster:DescribeTopicDynamicConfiguration",
            ]),
        );
    });
});
