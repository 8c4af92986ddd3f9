import * as fs from "fs";
import * as path from "path";
import { PlannedResource } from "../../testing";
import { FoundDocument, KNOWN_POLICY_INPUTS, policyDocuments } from "./documents";
import { planTargets } from "../plan-targets";
import { sharedPlan } from "../shared-plans";
import { IamReference } from "./reference";
import { RuleException, documentProblems, servicesIn } from "./rules";

/**
 * Departures from the rules that are right, each with its reason. An exception no document uses
 * any more fails the test, so this list cannot outlive what it excuses.
 */
const EXCEPTIONS: RuleException[] = [
    {
        rule: "resource-star",
        reason: 'In a key policy, Resource "*" means the key the policy is attached to: a key policy cannot name its own ARN before the key exists.',
        applies: (d) => d.resource.type === "aws:kms/key:Key",
    },
    {
        rule: "service-wildcard",
        subject: "kms:*",
        reason: "The key policy statement that gives the account (its IAM policies) control of the key: AWS's default key policy, without which the key becomes unmanageable.",
        applies: (d, s) =>
            d.resource.type === "aws:kms/key:Key" &&
            /^arn:aws:iam::\d{12}:root$/.test(String((s.Principal as { AWS?: unknown } | undefined)?.AWS)),
    },
    {
        rule: "action-resource",
        subject: "kafka:GetBootstrapBrokers",
        reason: "A cluster policy is attached to one cluster, so its statements name that cluster's ARN; the MSK developer guide's multi-VPC connectivity cluster policy grants GetBootstrapBrokers this way. (Identity policies grant it on *, which the service authorization reference requires.)",
        applies: (d) => d.resource.type === "aws:msk/clusterPolicy:ClusterPolicy",
    },
];

const targets = planTargets();

/**
 * Each target is planned in a hook of its own (through the run's shared plans), so no hook does
 * the whole repository's work against the clock; the checks below then read what they found.
 */
const found = new Map<string, { documents: FoundDocument[]; planned: PlannedResource[] }>();
describe.each(targets.map((t) => [t.label, t] as const))("%s", (label, target) => {
    beforeAll(async () => {
        const graph = await sharedPlan(target);
        found.set(label, { documents: policyDocuments(label, graph), planned: [...graph.resources] });
    });

    it("plans", () => {
        expect(found.get(label)?.planned.length).toBeGreaterThan(0);
    });
});

describe("IAM policies of every stack and example, against AWS's service authorization reference", () => {
    const documents: FoundDocument[] = [];
    const planned: PlannedResource[] = [];
    let reference: IamReference;

    beforeAll(async () => {
        for (const target of targets) {
            const seen = found.get(target.label);
            if (!seen) throw new Error(`${target.label} was not planned`);
            documents.push(...seen.documents);
            planned.push(...seen.planned);
        }
        reference = await IamReference.load(servicesIn(documents));
    });

    it("plans every stack in stacks/ and every example", () => {
        const root = path.join(__dirname, "..", "..");
        const examples = fs
            .readdirSync(path.join(root, "examples"), { withFileTypes: true })
            .filter((e) => e.isDirectory())
            .map((e) => `examples/${e.name}`);
        expect(targets.map((t) => t.label)).toEqual(expect.arrayContaining(examples));
        expect(targets.filter((t) => t.label.startsWith("stacks/")).length).toBeGreaterThanOrEqual(7);
        // Every plan has policies to check (a plan that stopped emitting them would pass vacuously).
        expect(targets.filter((t) => !documents.some((d) => d.where.startsWith(`${t.label} `))).map((t) => t.label)).toEqual([]);
    });

    it("finds a policy document in every policy input the plans set, and the kinds of policy the stacks emit", () => {
        // A policy input that is set but not a document (not JSON, no Statement) would otherwise go unchecked.
        const unparsed = planned
            .filter((r) => KNOWN_POLICY_INPUTS[r.type] !== undefined && r.inputs[KNOWN_POLICY_INPUTS[r.type]] !== undefined)
            .filter((r) => !documents.some((d) => d.resource === r && d.inputPath === KNOWN_POLICY_INPUTS[r.type]))
            .map((r) => `${r.type} "${r.name}"`);
        expect(unparsed).toEqual([]);
        expect(planned.filter((r) => r.type === "aws:iam/role:Role").length).toBeGreaterThan(0);
        const types = new Set(documents.map((d) => d.resource.type));
        for (const type of [
            "aws:iam/rolePolicy:RolePolicy",
            "aws:iam/policy:Policy",
            "aws:iam/role:Role",
            "aws:s3/bucketPolicy:BucketPolicy",
            "aws:kms/key:Key",
            "aws:msk/clusterPolicy:ClusterPolicy",
        ])
            expect(types).toContain(type);
        expect(new Set(documents.map((d) => d.kind))).toEqual(new Set(["identity", "trust", "resource"]));
    });

    it("every action, resource ARN, condition key, Sid and Version is valid against the IAM reference", () => {
        const used = new Set<RuleException>();
        const problems = [...new Set(documents.flatMap((d) => documentProblems(d, reference, EXCEPTIONS, used)))];
        expect(problems).toEqual([]);
        expect(EXCEPTIONS.filter((e) => !used.has(e)).map((e) => e.reason)).toEqual([]);
    });
});
