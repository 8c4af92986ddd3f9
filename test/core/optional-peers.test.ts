import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { runProgram } from "../../testing";
import {
    FlinkOperator,
    KafkaCluster,
    KafkaTopics,
    KubernetesTarget,
    LandingZone,
    PlatformCluster,
    PlatformNetwork,
    SpectrumValidationError,
    externalKafka,
} from "../../components";
import { OPTIONAL_PEERS, missingPeerMessage } from "../../components/core/optional-peers";

// This file runs as a platform repo that installed @pulumi/pulumi and @pulumi/aws only: requiring
// any optional peer fails the way Node fails for a package that is not there. Importing the
// library must not touch them; a component that needs one must say which and how to install it.
// (jest.mock calls run before the imports: a function declaration is the one thing they can use.)
function mockNotInstalled(pkg: string): never {
    throw Object.assign(new Error(`Cannot find module '${pkg}' from 'components/core/optional-peers.ts'`), { code: "MODULE_NOT_FOUND" });
}
jest.mock("@pulumi/kubernetes", () => mockNotInstalled("@pulumi/kubernetes"));
jest.mock("@pulumi/kafka", () => mockNotInstalled("@pulumi/kafka"));
jest.mock("@pulumi/eks", () => mockNotInstalled("@pulumi/eks"));
jest.mock("@pulumi/awsx", () => mockNotInstalled("@pulumi/awsx"));

const packageJson = JSON.parse(fs.readFileSync(path.join(__dirname, "../../package.json"), "utf8")) as {
    peerDependencies: Record<string, string>;
    peerDependenciesMeta: Record<string, { optional?: boolean }>;
    devDependencies: Record<string, string>;
};

/** The message a program that constructs `build()` fails with. */
async function failureOf(build: () => unknown): Promise<string> {
    const error = await runProgram(build).then(
        () => undefined,
        (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SpectrumValidationError);
    return (error as Error).message;
}

describe("optional peer SDKs", () => {
    it("are the optional peerDependencies of package.json, with the same ranges, and the repo tests their lowest version", () => {
        const optional = Object.keys(packageJson.peerDependenciesMeta).filter((p) => packageJson.peerDependenciesMeta[p].optional);
        expect(optional.sort()).toEqual(Object.keys(OPTIONAL_PEERS).sort());
        for (const [pkg, range] of Object.entries(OPTIONAL_PEERS)) {
            expect(packageJson.peerDependencies[pkg]).toBe(range);
            expect(packageJson.devDependencies[pkg]).toBe(range.replace(/^\^/, ""));
        }
    });

    it("leave @pulumi/pulumi and @pulumi/aws required peers", () => {
        expect(Object.keys(packageJson.peerDependencies).sort()).toEqual(
            ["@pulumi/aws", "@pulumi/pulumi", ...Object.keys(OPTIONAL_PEERS)].sort(),
        );
        expect(packageJson.peerDependenciesMeta["@pulumi/pulumi"]).toBeUndefined();
        expect(packageJson.peerDependenciesMeta["@pulumi/aws"]).toBeUndefined();
    });

    it("are not needed to plan a landing zone, MSK with topics through the MSK API, or an existing VPC", async () => {
        const graph = await runProgram(() => {
            new LandingZone("lake");
            const cluster = new KafkaCluster("msk", { vpcId: "vpc-1", subnetIds: ["a", "b", "c"] });
            new KafkaTopics("events", { connection: cluster.connection, topics: { "orders.v1": {} } });
            new PlatformNetwork("network", { existing: { vpcId: "vpc-0abc", privateSubnetIds: ["subnet-01", "subnet-02", "subnet-03"] } });
        });
        expect(graph.one("aws:s3/bucket:Bucket", "lake-data").options.protect).toBe(true);
        expect(graph.one("aws:msk/topic:Topic").inputs.name).toBe("orders.v1");
        expect(graph.ofType("awsx:ec2:Vpc")).toHaveLength(0);
    });

    it("name the package and its install command when a component needs one", async () => {
        const target = { provider: undefined } as unknown as KubernetesTarget;
        expect(await failureOf(() => new FlinkOperator("flink", { target }))).toBe(
            missingPeerMessage("@pulumi/kubernetes", 'FlinkOperator "flink"'),
        );
        expect(await failureOf(() => new PlatformNetwork("network"))).toBe(missingPeerMessage("@pulumi/awsx", 'PlatformNetwork "network"'));
        const network = { vpcId: "vpc-0abc", privateSubnetIds: ["subnet-01", "subnet-02", "subnet-03"] };
        expect(await failureOf(() => new PlatformCluster("platform", { network }))).toBe(
            missingPeerMessage("@pulumi/kubernetes", 'PlatformCluster "platform"'),
        );
        const brought = externalKafka("self-run", {
            bootstrapServers: "k1:9096",
            authMode: "scram",
            scram: { username: "u", password: pulumi.secret("p") },
        });
        expect(await failureOf(() => new KafkaTopics("events", { connection: brought, topics: { "orders.v1": {} } }))).toMatch(
            /needs @pulumi\/kafka, an optional peer dependency of pulumi-spectrum that is not installed\. Install it in your project: npm install @pulumi\/kafka@"\^3\.\d+\.\d+"\.$/,
        );
    });

    it("say who needs the package, what it is, and the exact install command", () => {
        expect(missingPeerMessage("@pulumi/eks", 'PlatformCluster "platform"')).toBe(
            `PlatformCluster "platform": needs @pulumi/eks, an optional peer dependency of pulumi-spectrum that is not installed. ` +
                `Install it in your project: npm install @pulumi/eks@"${OPTIONAL_PEERS["@pulumi/eks"]}".`,
        );
    });
});
