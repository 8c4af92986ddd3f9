// Generates TypeScript input types for the custom resources spectrum creates, from the CRD schemas
// their operators ship, so an object built with a misspelt or unknown field fails type-checking.
//
//   npm run crd:types -- <crd.yaml> [<crd.yaml> ...]
//
// Pass the CRD files of the upstream release named in TARGETS (fetched from the repository at that
// commit); each output whose CRDs are all given is rewritten. The schemas themselves stay out of the
// repository. To move to another release, update its source (tag, commit, path) below and regenerate.
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "json-schema-to-typescript";
import * as prettier from "prettier";
import { parseAllDocuments } from "yaml";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const FLINK_OPERATOR = {
    repository: "apache/flink-kubernetes-operator",
    tag: "release-1.15.0",
    commit: "79d730bab4d8403f3a447fb027f879f5cbdc59ad",
};
const KEDA = { repository: "kedacore/keda", tag: "v2.20.2", commit: "68a5b5028f35b22d50597c69819ab32c4e92f21a" };

/** Each output file, and the custom resources (CRD name, served version, type name) it types. */
const TARGETS = [
    {
        output: "components/flink/crd/flink-deployment.ts",
        resources: [
            {
                crd: "flinkdeployments.flink.apache.org",
                version: "v1beta1",
                typeName: "FlinkDeployment",
                source: { ...FLINK_OPERATOR, path: "helm/flink-kubernetes-operator/crds/flinkdeployments.flink.apache.org-v1.yml" },
            },
        ],
    },
    {
        output: "components/kafka/crd/keda.ts",
        resources: [
            {
                crd: "scaledobjects.keda.sh",
                version: "v1alpha1",
                typeName: "ScaledObject",
                source: { ...KEDA, path: "config/crd/bases/keda.sh_scaledobjects.yaml" },
            },
            {
                crd: "triggerauthentications.keda.sh",
                version: "v1alpha1",
                typeName: "TriggerAuthentication",
                source: { ...KEDA, path: "config/crd/bases/keda.sh_triggerauthentications.yaml" },
            },
        ],
    },
];

const SCALARS = { string: "string", integer: "number", number: "number", boolean: "boolean" };

/** Whether a schema is Kubernetes' embedded Pod (the operator's pod templates): typed by @pulumi/kubernetes instead. */
function isPod(schema) {
    const keys = Object.keys(schema.properties ?? {});
    return ["apiVersion", "kind", "metadata", "spec"].every((k) => keys.includes(k)) && schema.properties.spec?.properties?.containers;
}

/**
 * The schema as json-schema-to-typescript should see it: every scalar a `pulumi.Input`, objects
 * closed unless the CRD keeps unknown fields, int-or-string as both, pod templates as the SDK's Pod.
 */
function toInputSchema(schema) {
    if (schema === null || typeof schema !== "object") return schema;
    const { description } = schema;
    const keep = (tsType) => (description === undefined ? { tsType } : { tsType, description });
    if (schema["x-kubernetes-int-or-string"]) return keep("pulumi.Input<number | string>");
    if (isPod(schema)) return keep("k8s.types.input.core.v1.Pod");
    if (schema.enum && SCALARS[schema.type]) return keep(`pulumi.Input<${schema.enum.map((v) => JSON.stringify(v)).join(" | ")}>`);
    if (SCALARS[schema.type]) return keep(`pulumi.Input<${SCALARS[schema.type]}>`);
    if (schema.type === "array") return { ...schema, items: toInputSchema(schema.items) };
    const out = { ...schema };
    if (schema.properties) out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, toInputSchema(v)]));
    if (schema.additionalProperties && typeof schema.additionalProperties === "object")
        out.additionalProperties = toInputSchema(schema.additionalProperties);
    if (schema["x-kubernetes-preserve-unknown-fields"]) {
        if (!schema.properties && !schema.additionalProperties) return keep("{ [key: string]: unknown }");
        out.additionalProperties = true;
    }
    return out;
}

/** The whole object for one resource: apiVersion and kind fixed, the SDK's ObjectMeta, the spec (status is the operator's). */
function resourceSchema(crd, resource) {
    const served = crd.spec.versions.find((v) => v.name === resource.version && v.served);
    if (!served) throw new Error(`${resource.crd} serves no version ${resource.version}`);
    const spec = served.schema.openAPIV3Schema.properties.spec;
    return {
        title: resource.typeName,
        description: `A ${resource.typeName} (${crd.spec.group}/${resource.version}) as a Pulumi program declares it: apiVersion, kind, metadata and spec.`,
        type: "object",
        properties: {
            apiVersion: { tsType: JSON.stringify(`${crd.spec.group}/${resource.version}`) },
            kind: { tsType: JSON.stringify(crd.spec.names.kind) },
            metadata: { tsType: "k8s.types.input.meta.v1.ObjectMeta" },
            spec: { ...toInputSchema(spec), title: `${resource.typeName}Spec` },
        },
        required: ["apiVersion", "kind", "metadata", "spec"],
        additionalProperties: false,
    };
}

function header(target, files) {
    const lines = [
        `Generated by scripts/generate-crd-types.mjs from the CRDs below: do not edit, regenerate (see CONTRIBUTING.md).`,
        `Input types (every scalar may be a pulumi.Input); status is left out, pod templates are @pulumi/kubernetes' Pod.`,
        "",
    ];
    for (const r of target.resources) {
        const s = r.source;
        lines.push(`${r.typeName} (${r.crd}, ${r.version}): ${s.repository}, tag ${s.tag}, commit ${s.commit},`);
        lines.push(`  ${s.path} (sha256 ${files.get(r.crd).sha256})`);
    }
    return `/*\n${lines.map((l) => (l ? ` * ${l}` : " *")).join("\n")}\n */`;
}

async function main(paths) {
    if (paths.length === 0) throw new Error("usage: npm run crd:types -- <crd.yaml> [<crd.yaml> ...]");
    const files = new Map();
    for (const file of paths) {
        const text = fs.readFileSync(file, "utf8");
        const sha256 = createHash("sha256").update(text).digest("hex");
        for (const doc of parseAllDocuments(text)) {
            const crd = doc.toJS();
            if (crd?.kind === "CustomResourceDefinition") files.set(crd.metadata.name, { crd, sha256, file });
        }
    }
    const wanted = new Set(TARGETS.flatMap((t) => t.resources.map((r) => r.crd)));
    const unused = [...files.keys()].filter((name) => !wanted.has(name));
    if (unused.length > 0) throw new Error(`no output is generated from ${unused.join(", ")}`);
    const options = { ...(await prettier.resolveConfig(path.join(root, "components", "index.ts"))), parser: "typescript" };
    for (const target of TARGETS) {
        const missing = target.resources.filter((r) => !files.has(r.crd)).map((r) => r.crd);
        if (missing.length === target.resources.length) continue;
        if (missing.length > 0) throw new Error(`${target.output} also needs ${missing.join(", ")}`);
        const parts = [];
        for (const r of target.resources) {
            parts.push(
                await compile(resourceSchema(files.get(r.crd).crd, r), r.typeName, {
                    bannerComment: "",
                    additionalProperties: false,
                    ignoreMinAndMaxItems: true,
                    unknownAny: true,
                    strictIndexSignatures: true,
                    format: false,
                }),
            );
        }
        // Types only: @pulumi/kubernetes is an optional peer, loaded when a component needs it.
        const imports = 'import type * as pulumi from "@pulumi/pulumi";\nimport type * as k8s from "@pulumi/kubernetes";';
        const code = await prettier.format(`${header(target, files)}\n${imports}\n\n${parts.join("\n")}`, options);
        fs.mkdirSync(path.dirname(path.join(root, target.output)), { recursive: true });
        fs.writeFileSync(path.join(root, target.output), code);
        console.log(`wrote ${target.output}`);
    }
}

main(process.argv.slice(2)).catch((error) => {
    console.error(`crd:types: ${error.message}`);
    process.exit(1);
});
