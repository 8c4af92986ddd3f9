import { LandingZone } from "../../components/landing-zone";
import { EmrNetworkArgs } from "../../components/spark";
import { PlannedResource, ResourceGraph, policyStatements } from "../../testing";
import { ParsedStatement } from "../../testing/policy";

/** The landing zone every Spark test works on: raw, curated and an artifacts zone for job code. */
export function landingZone(): LandingZone {
    return new LandingZone("lz", { zones: { raw: {}, curated: {}, artifacts: {} }, protect: false });
}

export const network: EmrNetworkArgs = { vpcId: "vpc-0abc", subnetIds: ["subnet-priv-a", "subnet-priv-b"] };

export const T = {
    cluster: "aws:emr/cluster:Cluster",
    fleet: "aws:emr/instanceFleet:InstanceFleet",
    scaling: "aws:emr/managedScalingPolicy:ManagedScalingPolicy",
    securityConfiguration: "aws:emr/securityConfiguration:SecurityConfiguration",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    policy: "aws:iam/policy:Policy",
    attachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    profile: "aws:iam/instanceProfile:InstanceProfile",
    sg: "aws:ec2/securityGroup:SecurityGroup",
    ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    egress: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    key: "aws:kms/key:Key",
    stateMachine: "aws:sfn/stateMachine:StateMachine",
    schedule: "aws:scheduler/schedule:Schedule",
    alarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
    rule: "aws:cloudwatch/eventRule:EventRule",
    target: "aws:cloudwatch/eventTarget:EventTarget",
    lambda: "aws:lambda/function:Function",
    invocation: "aws:lambda/invocation:Invocation",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
};

/** Every statement of the inline role policies attached to the role with this logical name. */
export function roleStatements(graph: ResourceGraph, roleName: string): ParsedStatement[] {
    const role = graph.one(T.role, roleName);
    return graph
        .ofType(T.rolePolicy)
        .filter((p) => p.propertyDependencies.role?.includes(role.urn))
        .flatMap((p) => policyStatements(p));
}

export function actionsOf(s: ParsedStatement): string[] {
    return Array.isArray(s.Action) ? s.Action : [s.Action];
}

export function resourcesOf(s: ParsedStatement): string[] {
    return s.Resource === undefined ? [] : Array.isArray(s.Resource) ? s.Resource : [s.Resource];
}

/** The statements that allow an action. */
export function allowing(statements: ParsedStatement[], action: string): ParsedStatement[] {
    return statements.filter((s) => s.Effect === "Allow" && actionsOf(s).includes(action));
}

export function parseJson<T = Record<string, unknown>>(resource: PlannedResource, input: string): T {
    const raw = resource.inputs[input];
    if (typeof raw !== "string") throw new Error(`${resource.urn}: ${input} is not a JSON string`);
    return JSON.parse(raw) as T;
}
