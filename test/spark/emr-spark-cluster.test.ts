import { EmrSparkCluster, SPARK_DEFAULTS } from "../../components/spark";
import { PlannedResource, ResourceGraph, policyStatements, runProgram } from "../../testing";
import { T, actionsOf, allowing, landingZone, network, parseJson, resourcesOf, roleStatements } from "./fixtures";

const GRAVITON = /^[a-z]+\d+g[a-z]*\./;

interface Fleet {
    name: string;
    targetOnDemandCapacity?: number;
    targetSpotCapacity?: number;
    instanceTypeConfigs: Array<{ instanceType: string; weightedCapacity: number; ebsConfigs: Array<{ size: number; type: string }> }>;
    launchSpecifications: {
        onDemandSpecifications?: Array<{ allocationStrategy: string }>;
        spotSpecifications?: Array<{ allocationStrategy: string; timeoutAction: string; timeoutDurationMinutes: number }>;
    };
}

interface SecurityConfigurationDoc {
    EncryptionConfiguration: {
        EnableAtRestEncryption: boolean;
        EnableInTransitEncryption: boolean;
        AtRestEncryptionConfiguration: {
            S3EncryptionConfiguration: { EncryptionMode: string; AwsKmsKey: string };
            LocalDiskEncryptionConfiguration: { EncryptionKeyProviderType: string; AwsKmsKey: string; EnableEbsEncryption: boolean };
        };
        InTransitEncryptionConfiguration?: { TLSCertificateConfiguration: { CertificateProviderType: string; S3Object: string } };
    };
    InstanceMetadataServiceConfiguration: { MinimumInstanceMetadataServiceVersion: number; HttpPutResponseHopLimit: number };
}

describe("EmrSparkCluster with defaults", () => {
    let graph: ResourceGraph;
    let cluster: PlannedResource;
    let bucket: string;
    let keyArn: string;

    beforeAll(async () => {
        graph = await runProgram(() => {
            const lz = landingZone();
            const c = new EmrSparkCluster("shared", {
                storage: lz,
                network,
                grants: [
                    { access: "read", area: "raw", path: "events" },
                    { access: "write", area: "curated", path: "sessions" },
                ],
                sparkDefaults: { "spark.executor.memory": "6g", "spark.sql.adaptive.skewJoin.enabled": "false" },
                configurations: [
                    {
                        Classification: "spark-env",
                        Configurations: [{ Classification: "export", Properties: { PYSPARK_PYTHON: "/usr/bin/python3" } }],
                    },
                ],
            });
            return { bucket: lz.bucketName, keyArn: lz.kmsKeyArn, clusterArn: c.clusterArn, logUri: c.logUri };
        });
        cluster = graph.one(T.cluster);
        bucket = graph.outputs.bucket as string;
        keyArn = graph.outputs.keyArn as string;
    });

    it("runs a current EMR 7 release with Spark, kept alive, termination-protected, never auto-terminated", () => {
        expect(cluster.inputs.releaseLabel).toBe("emr-7.14.0");
        expect(cluster.inputs.applications).toEqual(["Spark"]);
        expect(cluster.inputs.keepJobFlowAliveWhenNoSteps).toBe(true);
        expect(cluster.inputs.terminationProtection).toBe(true);
        expect(cluster.inputs.autoTerminationPolicy).toBeUndefined();
        expect(cluster.inputs.stepConcurrencyLevel).toBe(10);
        expect(cluster.options.protect).toBe(true);
        expect(cluster.parent).toBe(graph.one("spectrum:index:EmrSparkCluster", "shared").urn);
    });

    it("takes no steps, and ignores the inputs that steps and managed scaling change outside Pulumi", () => {
        expect(cluster.inputs.steps).toBeUndefined();
        expect(cluster.options.ignoreChanges).toEqual(
            expect.arrayContaining(["steps", "coreInstanceFleet.targetOnDemandCapacity", "coreInstanceFleet.targetSpotCapacity"]),
        );
        expect(graph.one(T.fleet).options.ignoreChanges).toEqual(["targetOnDemandCapacity", "targetSpotCapacity"]);
    });

    it("writes logs to the landing zone's log area", () => {
        expect(cluster.inputs.logUri).toBe(`s3://${bucket}/logs/emr/shared/`);
        expect(graph.outputs.logUri).toBe(cluster.inputs.logUri);
    });

    it("uses On-Demand Graviton fleets for primary and core, several types each", () => {
        const primary = cluster.inputs.masterInstanceFleet as Fleet;
        const core = cluster.inputs.coreInstanceFleet as Fleet;
        expect(primary.targetOnDemandCapacity).toBe(1);
        expect(core.targetOnDemandCapacity).toBe(2);
        for (const fleet of [primary, core]) {
            expect(fleet.instanceTypeConfigs.length).toBeGreaterThanOrEqual(3);
            for (const c of fleet.instanceTypeConfigs) {
                expect(c.instanceType).toMatch(GRAVITON);
                expect(c.ebsConfigs).toEqual([expect.objectContaining({ type: "gp3" })]);
            }
            expect(fleet.launchSpecifications).toEqual({ onDemandSpecifications: [{ allocationStrategy: "lowest-price" }] });
            expect(fleet.targetSpotCapacity).toBeUndefined();
        }
    });

    it("adds a Spot task fleet that falls back to On-Demand, as its own resource on the cluster", () => {
        const task = graph.one(T.fleet);
        const inputs = task.inputs as unknown as Fleet;
        expect(task.propertyDependencies.clusterId).toEqual([cluster.urn]);
        expect(inputs.targetSpotCapacity).toBe(0);
        expect(inputs.targetOnDemandCapacity).toBe(0);
        expect(inputs.instanceTypeConfigs.length).toBeGreaterThanOrEqual(4);
        for (const c of inputs.instanceTypeConfigs) expect(c.instanceType).toMatch(GRAVITON);
        expect(inputs.launchSpecifications.spotSpecifications).toEqual([
            { allocationStrategy: "price-capacity-optimized", timeoutAction: "SWITCH_TO_ON_DEMAND", timeoutDurationMinutes: 10 },
        ]);
    });

    it("scales core and task capacity with managed scaling, keeping core fixed and extra capacity on Spot", () => {
        const scaling = graph.one(T.scaling);
        expect(scaling.propertyDependencies.clusterId).toEqual([cluster.urn]);
        expect(graph.dependsOn(scaling, graph.one(T.fleet))).toBe(true);
        expect(scaling.inputs.computeLimits).toEqual([
            {
                unitType: "InstanceFleetUnits",
                minimumCapacityUnits: 2,
                maximumCapacityUnits: 10,
                maximumCoreCapacityUnits: 2,
                maximumOndemandCapacityUnits: 2,
            },
        ]);
    });

    it("tunes spark-defaults (AQE, dynamic allocation) and lets the user extend and override them", () => {
        const configurations = JSON.parse(cluster.inputs.configurationsJson as string) as Array<{
            Classification: string;
            Properties?: Record<string, string>;
        }>;
        expect(configurations.map((c) => c.Classification)).toEqual(["spark-defaults", "spark-env"]);
        const props = configurations[0].Properties ?? {};
        expect(props["spark.sql.adaptive.enabled"]).toBe("true");
        expect(props["spark.dynamicAllocation.enabled"]).toBe("true");
        expect(props["spark.shuffle.service.enabled"]).toBe("true");
        expect(props["spark.executor.memory"]).toBe("6g");
        expect(props["spark.sql.adaptive.skewJoin.enabled"]).toBe("false");
        expect(SPARK_DEFAULTS["spark.sql.adaptive.skewJoin.enabled"]).toBe("true");
    });

    it("encrypts S3 with the landing zone's key and local disks with a rotating key, and requires IMDSv2", () => {
        const sc = graph.one(T.securityConfiguration);
        expect(cluster.propertyDependencies.securityConfiguration).toEqual([sc.urn]);
        const doc = parseJson<SecurityConfigurationDoc>(sc, "configuration");
        const atRest = doc.EncryptionConfiguration.AtRestEncryptionConfiguration;
        expect(doc.EncryptionConfiguration.EnableAtRestEncryption).toBe(true);
        expect(atRest.S3EncryptionConfiguration).toEqual({ EncryptionMode: "SSE-KMS", AwsKmsKey: keyArn });
        const diskKey = graph.one(T.key, "shared-disk-key");
        expect(diskKey.inputs.enableKeyRotation).toBe(true);
        expect(atRest.LocalDiskEncryptionConfiguration).toEqual({
            EncryptionKeyProviderType: "AwsKms",
            AwsKmsKey: expect.stringContaining(":key/"),
            EnableEbsEncryption: true,
        });
        expect(sc.propertyDependencies.configuration).toContain(diskKey.urn);
        expect(doc.InstanceMetadataServiceConfiguration).toEqual({ MinimumInstanceMetadataServiceVersion: 2, HttpPutResponseHopLimit: 1 });
        expect(doc.EncryptionConfiguration.EnableInTransitEncryption).toBe(false);
    });

    it("runs in the private subnets with EMR-managed security groups tagged for the v2 managed policy", () => {
        const groups = graph.ofType(T.sg);
        expect(groups.map((g) => g.name).sort()).toEqual(["shared-core-sg", "shared-primary-sg", "shared-service-access-sg"]);
        for (const g of groups) {
            expect(g.inputs.tags).toMatchObject({
                "for-use-with-amazon-emr-managed-policies": "true",
                "spectrum:component": "EmrSparkCluster",
            });
            expect(g.inputs.revokeRulesOnDelete).toBe(true);
            expect(g.inputs.ingress).toBeUndefined();
        }
        const ec2 = cluster.inputs.ec2Attributes as Record<string, unknown>;
        expect(ec2.subnetIds).toEqual(network.subnetIds);
        expect(cluster.propertyDependencies.ec2Attributes).toEqual(expect.arrayContaining(groups.map((g) => g.urn)));
        const ids = [ec2.emrManagedMasterSecurityGroup, ec2.emrManagedSlaveSecurityGroup, ec2.serviceAccessSecurityGroup];
        expect(ids.every((id) => typeof id === "string" && id.startsWith("sg-"))).toBe(true);
        expect(new Set(ids).size).toBe(3);
        // Nothing reaches the nodes from outside: the only ingress rule is EMR's service port from the primary group.
        const ingress = graph.ofType(T.ingress).filter((r) => r.name.startsWith("shared-"));
        expect(ingress).toHaveLength(1);
        expect(ingress[0].inputs).toMatchObject({ ipProtocol: "tcp", fromPort: 9443, toPort: 9443 });
        expect(ingress[0].inputs.cidrIpv4).toBeUndefined();
        expect(ingress[0].propertyDependencies.referencedSecurityGroupId).toEqual([graph.one(T.sg, "shared-primary-sg").urn]);
        expect(cluster.inputs.tags).toMatchObject({ "for-use-with-amazon-emr-managed-policies": "true" });
    });

    it("gives the service role the v2 managed policy, trusted only for this account's EMR, passing only its instance role", () => {
        const role = graph.one(T.role, "shared-service-role");
        const trust = policyStatements(role)[0];
        expect(trust.Principal).toEqual({ Service: "elasticmapreduce.amazonaws.com" });
        expect(trust.Condition).toEqual({
            StringEquals: { "aws:SourceAccount": "123456789012" },
            ArnLike: { "aws:SourceArn": "arn:aws:elasticmapreduce:us-east-1:123456789012:*" },
        });
        const managed = graph.one(T.attachment, "shared-service-managed-policy");
        expect(managed.inputs.policyArn).toBe("arn:aws:iam::aws:policy/service-role/AmazonEMRServicePolicy_v2");
        const statements = roleStatements(graph, "shared-service-role");
        const pass = allowing(statements, "iam:PassRole");
        expect(pass).toHaveLength(1);
        expect(resourcesOf(pass[0])).toEqual([expect.stringMatching(/:role\/shared-instance-role-/)]);
        expect(pass[0].Condition).toEqual({ StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } });
        const grant = allowing(statements, "kms:CreateGrant");
        expect(grant[0].Condition).toEqual({ Bool: { "kms:GrantIsForAWSResource": "true" } });
        expect(cluster.propertyDependencies.serviceRole).toEqual([role.urn]);
    });

    it("names the instance profile after its role, as EMR requires, and waits for the roles' policies", () => {
        const role = graph.one(T.role, "shared-instance-role");
        const profile = graph.one(T.profile);
        expect(profile.propertyDependencies.name).toEqual([role.urn]);
        expect(profile.inputs.name).toBe(profile.inputs.role);
        expect((cluster.inputs.ec2Attributes as Record<string, unknown>).instanceProfile).toBe(profile.inputs.name);
        for (const policy of [graph.one(T.rolePolicy, "shared-instance-access"), graph.one(T.rolePolicy, "shared-service-access")]) {
            expect(cluster.dependencies).toContain(policy.urn);
        }
    });

    it("scopes the nodes' S3 access to the granted prefixes and the log location, and nothing else of the bucket", () => {
        const statements = roleStatements(graph, "shared-instance-role");
        const objects = (action: string) =>
            allowing(statements, action)
                .flatMap(resourcesOf)
                .filter((r) => r.includes(bucket));
        expect(objects("s3:PutObject").sort()).toEqual([
            `arn:aws:s3:::${bucket}/curated/sessions/*`,
            `arn:aws:s3:::${bucket}/logs/emr/shared/*`,
        ]);
        expect(objects("s3:GetObject").sort()).toEqual([
            `arn:aws:s3:::${bucket}/curated/sessions/*`,
            `arn:aws:s3:::${bucket}/logs/emr/shared/*`,
            `arn:aws:s3:::${bucket}/raw/events/*`,
        ]);
        // Only EMR's own regional bucket of node tools is readable outside the landing zone.
        const elsewhere = allowing(statements, "s3:GetObject")
            .flatMap(resourcesOf)
            .filter((r) => !r.includes(bucket));
        expect(elsewhere).toEqual(["arn:aws:s3:::us-east-1.elasticmapreduce/*"]);
        for (const s of statements) {
            expect(resourcesOf(s)).not.toContain("*");
            expect(actionsOf(s).some((a) => a.endsWith(":*"))).toBe(false);
        }
        // The landing zone's key only through S3; the local-disk key directly (nodes encrypt disks themselves).
        const kms = allowing(statements, "kms:Decrypt");
        const throughS3 = kms.filter((s) => s.Condition !== undefined);
        const direct = kms.filter((s) => s.Condition === undefined);
        expect(throughS3.flatMap(resourcesOf)).toEqual(expect.arrayContaining([keyArn]));
        expect(direct.flatMap(resourcesOf)).toEqual([expect.stringContaining(":key/")]);
        expect(direct.flatMap(resourcesOf)).not.toContain(keyArn);
    });
});

describe("EmrSparkCluster with high availability, your roles, x86 types and TLS", () => {
    let graph: ResourceGraph;
    let cluster: PlannedResource;

    beforeAll(async () => {
        graph = await runProgram(() => {
            new EmrSparkCluster("ha", {
                storage: landingZone(),
                network,
                highAvailability: true,
                primary: { instanceTypes: ["m7i.xlarge", "m6i.xlarge"] },
                core: { instanceTypes: ["r7i.xlarge"], targetCapacity: 3 },
                task: { instanceTypes: ["m7i.2xlarge", "c7i.2xlarge"] },
                scaling: false,
                roles: {
                    serviceRoleArn: "arn:aws:iam::123456789012:role/platform/EmrService",
                    instanceRoleArn: "arn:aws:iam::123456789012:role/platform/EmrNodes",
                },
                inTransitEncryption: { certificatesUri: "s3://certs-bucket/emr/certs.zip" },
                localDiskKmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/disk",
                protect: false,
            });
        });
        cluster = graph.one(T.cluster);
    });

    it("runs three primary nodes", () => {
        expect((cluster.inputs.masterInstanceFleet as Fleet).targetOnDemandCapacity).toBe(3);
        expect((cluster.inputs.coreInstanceFleet as Fleet).targetOnDemandCapacity).toBe(3);
    });

    it("uses the given roles and creates none", () => {
        expect(graph.ofType(T.role)).toHaveLength(0);
        expect(graph.ofType(T.profile)).toHaveLength(0);
        expect(cluster.inputs.serviceRole).toBe("arn:aws:iam::123456789012:role/platform/EmrService");
        expect((cluster.inputs.ec2Attributes as Record<string, unknown>).instanceProfile).toBe("EmrNodes");
    });

    it("without managed scaling, keeps every fleet target under Pulumi's control", () => {
        expect(graph.ofType(T.scaling)).toHaveLength(0);
        expect(cluster.options.ignoreChanges).toEqual(["steps"]);
        expect(graph.one(T.fleet).options.ignoreChanges).toEqual([]);
    });

    it("turns on TLS with the given certificates and uses the given local-disk key", () => {
        const doc = parseJson<SecurityConfigurationDoc>(graph.one(T.securityConfiguration), "configuration");
        expect(doc.EncryptionConfiguration.EnableInTransitEncryption).toBe(true);
        expect(doc.EncryptionConfiguration.InTransitEncryptionConfiguration).toEqual({
            TLSCertificateConfiguration: { CertificateProviderType: "PEM", S3Object: "s3://certs-bucket/emr/certs.zip" },
        });
        expect(doc.EncryptionConfiguration.AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration.AwsKmsKey).toBe(
            "arn:aws:kms:us-east-1:123456789012:key/disk",
        );
        expect(graph.ofType(T.key).filter((k) => k.name.startsWith("ha-"))).toHaveLength(0);
    });

    it("with protect: false, is neither Pulumi-protected nor termination-protected", () => {
        expect(cluster.options.protect).toBe(false);
        expect(cluster.inputs.terminationProtection).toBe(false);
    });
});
