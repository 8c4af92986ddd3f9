import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { clashRegistry } from "../core/clashes";
import { COMPONENT, EmrServerlessApplicationArgs, EmrServerlessTarget } from "./emr-serverless-application-args";
import { emrServerlessApplicationSettings } from "./emr-serverless-application-validate";
import { apiInitialCapacities, apiMaximumCapacity } from "./emr-serverless-capacity";

/**
 * An EMR Serverless application for Spark: the runtime `SparkBatchJob` and `SparkStreamingJob` run
 * on instead of EMR clusters, when given it as `serverless`. Graviton workers in your private
 * subnets behind a security group with no inbound rule, a cost ceiling (maximum capacity), started
 * on the first job and stopped when idle, no interactive endpoints (EMR Studio, Livy), job logs in
 * the landing zone's log area. There are no clusters, nodes or instance roles: each job runs with
 * its own runtime role.
 */
export class EmrServerlessApplication extends pulumi.ComponentResource {
    /** What jobs take to run here: pass it as their `serverless`. */
    readonly target: EmrServerlessTarget;
    /** The application id. */
    readonly applicationId: pulumi.Output<string>;
    /** The application ARN. */
    readonly applicationArn: pulumi.Output<string>;
    /** The workers' security group. */
    readonly securityGroupId: pulumi.Output<string>;
    /** `s3://` URI of the application's default log location. */
    readonly logUri: pulumi.Output<string>;
    /** The EMR Serverless application resource. */
    readonly application: aws.emrserverless.Application;

    constructor(name: string, args: EmrServerlessApplicationArgs, opts?: pulumi.ComponentResourceOptions) {
        // Checked before super(): a rejected application registers nothing, not even itself.
        const s = emrServerlessApplicationSettings(name, args);
        clashRegistry().claim("child-name", name, { component: COMPONENT, name, field: "name" }, opts?.parent, `${COMPONENT}::${name}`);
        super(`spectrum:index:${COMPONENT}`, name, {}, opts);
        const storage = s.storage;

        const securityGroup = new aws.ec2.SecurityGroup(
            `${name}-workers`,
            {
                vpcId: s.network.vpcId,
                description: `spectrum EmrServerlessApplication ${name}: Spark workers, no inbound`,
                revokeRulesOnDelete: true,
                tags: s.tags,
            },
            { parent: this },
        );
        // Outbound is open, as for EMR on EC2 nodes: workers reach S3, KMS and Glue over HTTPS, package
        // repositories through NAT, and jobs reach their sources (Kafka brokers) on their ports.
        new aws.vpc.SecurityGroupEgressRule(
            `${name}-workers-egress`,
            {
                securityGroupId: securityGroup.id,
                ipProtocol: "-1",
                cidrIpv4: "0.0.0.0/0",
                description: "Outbound to AWS endpoints and job sources",
                tags: s.tags,
            },
            { parent: this },
        );

        this.logUri = storage.uri(s.logLocation.area, s.logLocation.path);
        const initial = apiInitialCapacities(s.initialCapacity);
        this.application = new aws.emrserverless.Application(
            `${name}-app`,
            {
                type: "spark",
                releaseLabel: s.releaseLabel,
                architecture: s.architecture === "arm64" ? "ARM64" : "X86_64",
                maximumCapacity: apiMaximumCapacity(s.maximumCapacity),
                ...(initial.length > 0 ? { initialCapacities: initial } : {}),
                autoStartConfiguration: { enabled: s.autoStart },
                autoStopConfiguration:
                    s.autoStopIdleMinutes === false ? { enabled: false } : { enabled: true, idleTimeoutMinutes: s.autoStopIdleMinutes },
                networkConfiguration: { subnetIds: s.network.subnetIds, securityGroupIds: [securityGroup.id] },
                runtimeConfigurations: [{ classification: "spark-defaults", properties: s.sparkDefaults }],
                // Jobs without a log location of their own log here; the landing zone's default
                // encryption (its KMS key) applies to every object EMR Serverless uploads.
                monitoringConfiguration: { s3MonitoringConfiguration: { logUri: this.logUri } },
                interactiveConfiguration: { livyEndpointEnabled: false, studioEnabled: false },
                tags: s.tags,
            },
            { parent: this },
        );

        this.applicationId = this.application.id;
        this.applicationArn = this.application.arn;
        this.securityGroupId = securityGroup.id;
        this.target = {
            applicationId: this.applicationId,
            applicationArn: this.applicationArn,
            storage,
            securityGroupId: this.securityGroupId,
            releaseLabel: s.releaseLabel,
        };
        this.registerOutputs({
            applicationId: this.applicationId,
            applicationArn: this.applicationArn,
            securityGroupId: this.securityGroupId,
            logUri: this.logUri,
        });
    }
}
