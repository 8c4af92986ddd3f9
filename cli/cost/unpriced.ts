/**
 * Why a resource type has no line of its own: it is free, it is paid for through another line, or
 * what it costs depends on usage this estimate does not model. A type that matches none of these is
 * reported as "no cost rule", so a new kind of resource is never silently priced at zero.
 */
const REASONS: Array<[RegExp, string]> = [
    [/^(pulumi:|spectrum:|pulumi-nodejs:dynamic:)/, "no charge"],
    [/^aws:iam\//, "no charge"],
    [/^aws:(ec2\/securityGroup|vpc\/securityGroup(Ingress|Egress)Rule|ec2\/launchTemplate):/, "no charge"],
    [
        /^aws:s3\/bucket(Policy|PublicAccessBlock|OwnershipControls|Versioning|ServerSideEncryptionConfiguration|LifecycleConfiguration|Logging|Notification):/,
        "no charge",
    ],
    [/^aws:kms\/alias:/, "no charge"],
    [/^(aws:msk\/topic:|kafka:index\/topic:)/, "no charge (storage is the cluster's)"],
    [/^aws:msk\/(configuration|clusterPolicy|scramSecretAssociation):/, "no charge"],
    [/^aws:emr\/(securityConfiguration|managedScalingPolicy|instanceFleet):/, "charged with its EMR cluster"],
    [/^aws:appautoscaling\//, "no charge"],
    [/^aws:emrserverless\/application:/, "charged with the job runs its workflows start"],
    [/^aws:eks\/(addon|podIdentityAssociation|accessEntry):/, "no charge"],
    [/^aws:cloudwatch\/logStream:/, "charged with its log group"],
    [/^aws:ec2\/flowLog:/, "charged with its log group"],
    [/^aws:cloudwatch\/(eventRule|eventTarget):/, "no charge for AWS service events"],
    [/^aws:ssm\/parameter:/, "no charge (standard parameter)"],
    [/^aws:glue\/(catalogDatabase|catalogTable):/, "usage: the first million catalog objects are free"],
    [/^aws:athena\//, "usage: $ per TB scanned, not modelled"],
    [/^aws:lambda\//, "usage: requests and duration, not modelled"],
    [/^aws:scheduler\/schedule:/, "usage: invocations, the first 14 million a month free"],
    [/^aws:s3\/bucketObjectv2:/, "usage: one small object, storage rounds to zero"],
    [/^kubernetes:/, "runs on the cluster's nodes"],
    [/^eks:index:(ManagedNodeGroup|Cluster)$/, "priced"],
];

/** The reason a type costs nothing on its own, or undefined when no reason is known. */
export function unpricedReason(type: string): string | undefined {
    return REASONS.find(([pattern]) => pattern.test(type))?.[1];
}
