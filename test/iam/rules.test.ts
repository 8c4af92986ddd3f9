import { PlannedResource } from "../../testing";
import { FoundDocument, PolicyDocument, PolicyKind, Statement } from "./documents";
import { IamReference } from "./reference";
import { RuleException, documentProblems, servicesIn } from "./rules";

const BUCKET = "arn:aws:s3:::lake-data";
const CLUSTER = "arn:aws:kafka:us-east-1:123456789012:cluster/events/1111-2222-3";
const OIDC = "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE";

function found(kind: PolicyKind, statements: Statement[], version = "2012-10-17"): FoundDocument {
    const type =
        kind === "trust" ? "aws:iam/role:Role" : kind === "identity" ? "aws:iam/rolePolicy:RolePolicy" : "aws:s3/bucketPolicy:BucketPolicy";
    const resource = { type, name: "doc", urn: `urn:${type}::doc`, inputs: {} } as unknown as PlannedResource;
    const document: PolicyDocument = { Version: version, Statement: statements };
    return { where: `test ${type} "doc"`, resource, inputPath: kind === "trust" ? "assumeRolePolicy" : "policy", kind, document };
}

const allow = (Action: string | string[], Resource: string | string[], Condition?: Statement["Condition"]): Statement => ({
    Effect: "Allow",
    Action,
    Resource,
    ...(Condition ? { Condition } : {}),
});

/** The checker itself: each rule fires on a document that breaks it and stays quiet on one that keeps it. */
describe("IAM policy rules", () => {
    let reference: IamReference;
    const problems = (doc: FoundDocument, exceptions: RuleException[] = []) => documentProblems(doc, reference, exceptions, new Set());

    beforeAll(async () => {
        reference = await IamReference.load(["s3", "kms", "kafka", "kafka-cluster", "elasticmapreduce", "logs", "sts", "iam"]);
    });

    it("accepts a least-privilege identity policy", () => {
        const doc = found("identity", [
            allow("s3:ListBucket", BUCKET, { StringLike: { "s3:prefix": ["raw/*"] } }),
            allow(["s3:GetObject", "s3:PutObject"], `${BUCKET}/raw/*`),
            allow(["kms:Decrypt", "kms:GenerateDataKey*"], "arn:aws:kms:us-east-1:123456789012:key/abc", {
                StringLike: { "kms:ViaService": "s3.*.amazonaws.com" },
                StringEquals: { "kms:EncryptionContext:aws:s3:arn": BUCKET },
            }),
            allow(["kafka-cluster:Connect", "kafka-cluster:DescribeCluster"], CLUSTER),
            allow("elasticmapreduce:RunJobFlow", "*", { StringEquals: { "aws:RequestTag/team": "data" } }),
            allow("logs:PutLogEvents", "arn:aws:logs:us-east-1:123456789012:log-group:/app/x:log-stream:y"),
        ]);
        expect(problems(doc)).toEqual([]);
    });

    it("names actions that do not exist, every-action wildcards and wildcards that match nothing", () => {
        const doc = found("identity", [allow(["s3:GetObjects", "*", "kms:GenerateDatakeyz*", "nosuchservice:Get"], `${BUCKET}/*`)]);
        expect(problems(doc)).toEqual(
            expect.arrayContaining([
                expect.stringContaining('action "s3:GetObjects" matches no s3 action'),
                expect.stringContaining('action "*" is every action of every service'),
                expect.stringContaining('action "kms:GenerateDatakeyz*" matches no kms action'),
                expect.stringContaining('no service "nosuchservice"'),
            ]),
        );
        expect(problems(found("identity", [allow("s3:*", `${BUCKET}/*`)]))).toEqual([
            expect.stringContaining('"s3:*" allows every s3 action'),
        ]);
    });

    it('refuses Resource "*" on actions that take resource ARNs, unless an exception says why', () => {
        const doc = found("identity", [allow(["s3:GetObject"], "*")]);
        expect(problems(doc)).toEqual([
            expect.stringContaining(
                'test aws:iam/rolePolicy:RolePolicy "doc" Statement[0]: Resource "*" on actions that take resource ARNs (s3:GetObject)',
            ),
        ]);
        const exception: RuleException = { rule: "resource-star", reason: "test", applies: () => true };
        const used = new Set<RuleException>();
        expect(documentProblems(doc, reference, [exception], used)).toEqual([]);
        expect(used.has(exception)).toBe(true);
    });

    it("refuses resources of another service or resource type, and actions none of the resources serve", () => {
        expect(problems(found("identity", [allow("s3:GetObject", `${CLUSTER}`)]))).toEqual(
            expect.arrayContaining([
                expect.stringContaining(`Resource "${CLUSTER}" is a kafka ARN, but its actions act on s3`),
                expect.stringContaining('"s3:GetObject" is granted nothing'),
            ]),
        );
        // ListBucket acts on buckets: on objects it grants nothing.
        expect(problems(found("identity", [allow("s3:ListBucket", `${BUCKET}/*`)]))).toEqual(
            expect.arrayContaining([
                expect.stringContaining(`Resource "${BUCKET}/*" is none of the resource types`),
                expect.stringContaining('action "s3:ListBucket" is granted nothing'),
            ]),
        );
        // kafka-cluster actions act on arn:aws:kafka: a topic action on the cluster ARN grants nothing.
        expect(problems(found("identity", [allow("kafka-cluster:ReadData", CLUSTER)]))).toEqual(
            expect.arrayContaining([expect.stringContaining('action "kafka-cluster:ReadData" is granted nothing')]),
        );
    });

    it("refuses condition keys of another service, unknown keys, and keys the action's requests never carry", () => {
        expect(
            problems(
                found("identity", [
                    allow("s3:GetObject", `${BUCKET}/*`, { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } }),
                ]),
            ),
        ).toEqual([expect.stringContaining('condition key "kms:ViaService" belongs to kms, but the actions are s3:GetObject')]);
        expect(problems(found("identity", [allow("s3:ListBucket", BUCKET, { StringLike: { "s3:prefixes": "raw/*" } })]))).toEqual([
            expect.stringContaining('"s3:prefixes" is not a s3 condition key'),
        ]);
        expect(problems(found("identity", [allow("s3:GetObject", `${BUCKET}/*`, { StringLike: { "s3:prefix": "raw/*" } })]))).toEqual([
            expect.stringContaining('"s3:prefix" (StringLike) is not in the request context of s3:GetObject'),
        ]);
        expect(
            problems(
                found("identity", [
                    allow("logs:PutLogEvents", "arn:aws:logs:us-east-1:123456789012:log-group:g:log-stream:s", {
                        StringEquals: { "aws:RequestTag/team": "x" },
                    }),
                ]),
            ),
        ).toEqual([expect.stringContaining('"aws:RequestTag/team" (StringEquals) is not in the request context of logs:PutLogEvents')]);
        expect(problems(found("identity", [allow("s3:GetObject", `${BUCKET}/*`, { StringEqualz: { "aws:SourceVpc": "vpc-1" } })]))).toEqual(
            [expect.stringContaining('operator "StringEqualz"')],
        );
    });

    it("checks trust policies: sts actions, the OIDC provider's claims, and no Resource", () => {
        const trust = (statement: Partial<Statement>) =>
            found("trust", [
                {
                    Effect: "Allow",
                    Principal: { Federated: `arn:aws:iam::123456789012:oidc-provider/${OIDC}` },
                    Action: "sts:AssumeRoleWithWebIdentity",
                    ...statement,
                },
            ]);
        expect(
            problems(
                trust({
                    Condition: { StringEquals: { [`${OIDC}:sub`]: "system:serviceaccount:ns:sa", [`${OIDC}:aud`]: "sts.amazonaws.com" } },
                }),
            ),
        ).toEqual([]);
        expect(problems(trust({ Condition: { StringEquals: { "oidc.eks.us-east-1.amazonaws.com/id/OTHER:sub": "x" } } }))).toEqual([
            expect.stringContaining('"oidc.eks.us-east-1.amazonaws.com/id/OTHER:sub" is neither global'),
        ]);
        expect(problems(trust({ Action: "s3:GetObject" }))).toEqual([
            expect.stringContaining('trust policy action "s3:GetObject" is not an sts action'),
        ]);
        expect(problems(trust({ Resource: "*" }))).toEqual([expect.stringContaining("a trust policy statement has no Resource")]);
    });

    it("refuses repeated Sids, another Version, and Principals where they do not belong", () => {
        const doc = found(
            "identity",
            [
                { Sid: "Read", ...allow("s3:GetObject", `${BUCKET}/*`) },
                { Sid: "Read", ...allow("s3:PutObject", `${BUCKET}/*`), Principal: "*" },
            ],
            "2008-10-17",
        );
        expect(problems(doc)).toEqual([
            expect.stringContaining('Version is "2008-10-17"'),
            expect.stringContaining('Statement[1] (Sid Read): Sid "Read" repeats Statement[0]\'s'),
            expect.stringContaining("an identity policy names no Principal"),
        ]);
        expect(problems(found("resource", [allow("s3:GetObject", `${BUCKET}/*`)]))).toEqual([
            expect.stringContaining("a resource policy statement needs a Principal"),
        ]);
    });

    it("lists the services a set of documents needs, without aws or OIDC prefixes", () => {
        const doc = found("identity", [
            allow(["s3:GetObject", "kms:Decrypt"], "*", {
                StringEquals: { "aws:SourceVpc": "v", "kafka-cluster:x": "y", [`${OIDC}:sub`]: "z" },
            }),
        ]);
        expect([...servicesIn([doc])].sort()).toEqual(["kafka-cluster", "kms", OIDC.split(":")[0], "s3", "sts"].sort());
    });
});
