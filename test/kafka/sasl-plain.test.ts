import * as pulumi from "@pulumi/pulumi";
import { externalKafka } from "../../components/kafka";
import { clientSecurityProperties, credentialFiles } from "../../components/kafka/streams-properties";
import { runProgram } from "../../testing";

describe("SASL/PLAIN connections (Confluent Cloud)", () => {
    it("log Streams clients in with PlainLoginModule and the PLAIN mechanism", async () => {
        const graph = await runProgram(() => {
            const cloud = externalKafka("cloud", {
                bootstrapServers: "pkc-1.confluent.cloud:9092",
                authMode: "scram",
                scram: { username: "KEY", password: pulumi.secret("SECRET"), mechanism: "PLAIN" },
            });
            return { files: credentialFiles(cloud), props: clientSecurityProperties(cloud) };
        });
        const outputs = graph.outputs as { files: Record<string, string>; props: Record<string, string> };
        expect(outputs.props).toEqual({ "security.protocol": "SASL_SSL", "sasl.mechanism": "PLAIN" });
        expect(outputs.files["client.properties"]).toContain("org.apache.kafka.common.security.plain.PlainLoginModule required");
        expect(outputs.files["client.properties"]).not.toContain("ScramLoginModule");
    });
});
