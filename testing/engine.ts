import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { MockCallArgs, MockResourceArgs } from "@pulumi/pulumi/runtime";
import { PlannedResource, ResourceGraph } from "./graph";
import { MockEnvironment, defaultEnvironment, plausibleCallResult, plausibleOutputs } from "./outputs";
import { StackConfig, loadStackConfig } from "./stack-config";
import { onRunFailure, perRun } from "../components/core/run-scope";

/**
 * A Pulumi program: what `index.ts` exports, or any function that creates resources. What it
 * returns becomes the stack's outputs, except a resource (`() => new LandingZone("lake")`), which is
 * what it created, not what it exports.
 */
export type Program = () => unknown;

/** How {@link runProgram} runs a program: project, stack, config, and what the mocks answer. */
export interface RunOptions {
    /** Project name (the config namespace for keys without one). Default: `project`. */
    project?: string;
    /** Stack name. Default: `test`. */
    stack?: string;
    /**
     * Stack config as `namespace:key` -> value; non-strings are passed as JSON, as Pulumi does.
     * `aws:region` defaults to the environment's region; give a key the value undefined to unset it.
     * Default: only `aws:region`.
     */
    config?: Record<string, unknown>;
    /** Config keys whose values are secrets. Default: none. */
    secretKeys?: string[];
    /** Account and region the mocks report. Default: account 123456789012 in us-east-1. */
    environment?: Partial<MockEnvironment>;
    /**
     * Extra outputs for resources the defaults don't know (a remote component of your own, say).
     * Return undefined to keep the defaults. Must not throw.
     */
    outputs?: (args: MockResourceArgs) => Record<string, unknown> | undefined;
    /** Answers for provider function calls (invokes) the defaults don't know. Default: none. */
    calls?: (args: MockCallArgs) => Record<string, unknown> | undefined;
    /**
     * Skip the stack trace Pulumi captures for every internal promise while the program runs: the
     * biggest single cost of a mocked run. Error messages keep their text. Default: true.
     */
    fast?: boolean;
}

/** Raised when a program registers two resources with one URN, which the real engine rejects. */
export class DuplicateResourceError extends Error {
    constructor(
        /** The URNs registered more than once. */
        readonly urns: string[],
    ) {
        super(
            `Duplicate resource URN${urns.length > 1 ? "s" : ""} (same type and name under the same parent types); the Pulumi engine would reject ${urns.length > 1 ? "them" : "it"}:\n  ${urns.join("\n  ")}`,
        );
        this.name = "DuplicateResourceError";
    }
}

const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";

/** Unwraps secret sentinels and resource references so tests see plain values. */
function plain(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(plain);
    if (value && typeof value === "object") {
        const obj = value as Record<string, unknown>;
        if (obj[SECRET_SIG_KEY] === SECRET_SIG) return plain(obj.value);
        if (obj[SECRET_SIG_KEY] === RESOURCE_SIG) return obj.urn;
        if (pulumi.Resource.isInstance(value)) return "[resource]";
        return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, plain(v)]));
    }
    return value;
}

/** Mirrors the mock monitor's URN scheme: the parent's type is folded into the child's. */
function urnOf(parent: string, type: string, name: string, project: string, stack: string): string {
    let qualified = type;
    if (parent) qualified = `${parent.split("::")[2].split("$").pop()}$${type}`;
    return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

/** Provider references are `<urn>::<id>`; the URN itself contains `::`. */
function providerUrn(ref: string): string | undefined {
    if (!ref) return undefined;
    const cut = ref.lastIndexOf("::");
    return cut > 0 ? ref.slice(0, cut) : ref;
}

// The SDK's runtime state is process-global: programs run one at a time.
let queue: Promise<unknown> = Promise.resolve();
function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
}

function configStrings(config: Record<string, unknown>): Record<string, string> {
    // An undefined value unsets a key (e.g. `"aws:region": undefined` to test a program without one).
    return Object.fromEntries(
        Object.entries(config)
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
    );
}

interface RequestLike {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getProvider(): string;
    getDependenciesList(): string[];
    getPropertydependenciesMap?(): { forEach(cb: (entry: { getUrnsList(): string[] }, key: string) => void): void };
    getProtect?(): boolean | undefined;
    getRetainondelete?(): boolean | undefined;
    getDeletebeforereplace?(): boolean;
    getIgnorechangesList?(): string[];
    getReplaceonchangesList?(): string[];
    getAliasurnsList?(): string[];
    getAliasesList?(): Array<{ getUrn(): string; getSpec(): { getName(): string; getType(): string } | undefined }>;
    getImportid?(): string;
    getId?(): string;
}

type Callback = (err: unknown, response: unknown) => void;
interface MonitorLike {
    registerResource(req: RequestLike, cb: Callback): Promise<void>;
    readResource(req: RequestLike, cb: Callback): Promise<void>;
}

/**
 * Runs a Pulumi program under the SDK's mocks and returns the resource graph it would create.
 * Waits for every registration; fails on duplicate URNs as the real engine would.
 */
export function runProgram(program: Program, options: RunOptions = {}): Promise<ResourceGraph> {
    return exclusive(() => runExclusive(program, options));
}

async function runExclusive(program: Program, options: RunOptions): Promise<ResourceGraph> {
    const project = options.project ?? "project";
    const stack = options.stack ?? "test";
    const env: MockEnvironment = { ...defaultEnvironment, ...options.environment };
    const captured: PlannedResource[] = [];
    const seen = new Set<string>();
    const duplicates: string[] = [];
    let current: RequestLike | undefined;

    // Every real stack names its region; the mocks' region stands in when the program doesn't.
    const config = { "aws:region": env.region, ...options.config };
    pulumi.runtime.setAllConfig(configStrings(config), options.secretKeys);
    await pulumi.runtime.setMocks(
        {
            newResource(args: MockResourceArgs) {
                try {
                    const req = current;
                    current = undefined;
                    const parent = req?.getParent() ?? "";
                    const urn = urnOf(parent, args.type, args.name, project, stack);
                    if (seen.has(urn)) duplicates.push(urn);
                    seen.add(urn);
                    const override = options.outputs?.(args);
                    const filled = plausibleOutputs(args, urn, env);
                    const state = { ...filled.state, ...(override ?? {}) };
                    captured.push({ ...describe(urn, args, req), ...(filled.id ? { id: filled.id } : {}), outputs: state });
                    return { id: filled.id, state };
                } catch {
                    return { id: `${args.name}-id`, state: args.inputs ?? {} };
                }
            },
            call(args: MockCallArgs) {
                try {
                    return options.calls?.(args) ?? plausibleCallResult(args, env);
                } catch {
                    return {};
                }
            },
        },
        project,
        stack,
        false,
    );

    // MockResourceArgs carries no parent or dependencies: read them off the request. The mock
    // monitor calls newResource synchronously from these methods, so `current` is the right request.
    const monitor = pulumi.runtime.getMonitor() as unknown as MonitorLike;
    const register = monitor.registerResource.bind(monitor);
    const read = monitor.readResource.bind(monitor);
    monitor.registerResource = (req, cb) => {
        current = req;
        return register(req, cb);
    };
    monitor.readResource = (req, cb) => {
        current = req;
        return read(req, cb);
    };

    // A program that throws (a validation error, say) must fail the run, not the process: the SDK
    // leaves promises derived from the failed stack unobserved, which would kill a test worker.
    let failure: unknown;
    const onRejection = (reason: unknown) => {
        failure ??= reason;
    };
    process.on("unhandledRejection", onRejection);
    const traceLimit = Error.stackTraceLimit;
    if (options.fast ?? true) Error.stackTraceLimit = 0;
    let outputs: Record<string, unknown> = {};
    try {
        const result = await pulumi.runtime.runInPulumiStack(async () => {
            // Checks of Output values run after the program returns; they fail the run through here.
            onRunFailure((error) => {
                failure ??= error;
            });
            // Tells the root program its graph is checked after the run (the plan's capacity checks,
            // cli/capacity/gate.ts), so it need not plan itself first as it does under `pulumi up`.
            perRun("offline-plan", () => true);
            try {
                const value = await program();
                const exported = typeof value === "function" ? await (value as () => unknown)() : value;
                // Exported as outputs, a component would make the SDK warn about each optional output it leaves unset.
                return pulumi.Resource.isInstance(exported) ? undefined : exported;
            } catch (e) {
                failure ??= e;
                return undefined;
            }
        });
        await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
        outputs = (plain(result ?? {}) ?? {}) as Record<string, unknown>;
    } catch (e) {
        failure ??= e;
    } finally {
        Error.stackTraceLimit = traceLimit;
        // Let rejections already queued surface before the listener goes.
        await new Promise((resolve) => setImmediate(resolve));
        process.off("unhandledRejection", onRejection);
    }
    if (failure !== undefined) throw failure;
    if (duplicates.length > 0) throw new DuplicateResourceError(duplicates);
    return new ResourceGraph(project, stack, captured, outputs);
}

function describe(urn: string, args: MockResourceArgs, req: RequestLike | undefined): Omit<PlannedResource, "outputs" | "id"> {
    const propertyDependencies: Record<string, string[]> = {};
    req?.getPropertydependenciesMap?.().forEach((entry, key) => {
        propertyDependencies[key] = entry.getUrnsList();
    });
    const aliases = [
        ...(req?.getAliasurnsList?.() ?? []),
        ...(req?.getAliasesList?.() ?? []).map((a) => a.getUrn() || `${a.getSpec()?.getType() ?? ""}::${a.getSpec()?.getName() ?? ""}`),
    ];
    return {
        urn,
        type: args.type,
        name: args.name,
        parent: req?.getParent() || undefined,
        provider: providerUrn(args.provider ?? ""),
        custom: args.custom ?? false,
        inputs: (plain(args.inputs ?? {}) ?? {}) as Record<string, unknown>,
        dependencies: [...new Set(req?.getDependenciesList() ?? [])],
        propertyDependencies,
        options: {
            protect: req?.getProtect?.() ?? false,
            retainOnDelete: req?.getRetainondelete?.() ?? false,
            deleteBeforeReplace: req?.getDeletebeforereplace?.() ?? false,
            ignoreChanges: req?.getIgnorechangesList?.() ?? [],
            replaceOnChanges: req?.getReplaceonchangesList?.() ?? [],
            aliases,
            ...(args.id ? { importId: args.id } : {}),
        },
    };
}

/** {@link RunOptions} for {@link runStack}: config, stack and secrets come from the stack file. */
export interface StackRunOptions extends Omit<RunOptions, "config" | "stack" | "secretKeys" | "project"> {
    /** Project name; default: the `name` in the Pulumi.yaml beside the stacks folder, else `project`. */
    project?: string;
}

/**
 * Runs a program with the config of a stack file (`.../Pulumi.<stack>.yaml`), as `pulumi up
 * --stack <stack>` would. Keys without a namespace get the project's, as Pulumi does.
 */
export function runStack(program: Program, stackFile: string, options: StackRunOptions = {}): Promise<ResourceGraph> {
    const project = options.project ?? projectNameNear(stackFile) ?? "project";
    const config: StackConfig = loadStackConfig(stackFile, project);
    return runProgram(program, { ...options, project, stack: config.stack, config: config.values, secretKeys: config.secretKeys });
}

function projectNameNear(stackFile: string): string | undefined {
    for (const dir of [path.dirname(stackFile), path.dirname(path.dirname(stackFile))]) {
        const file = path.join(dir, "Pulumi.yaml");
        if (fs.existsSync(file)) {
            const match = /^name:\s*["']?([\w.-]+)/m.exec(fs.readFileSync(file, "utf8"));
            if (match) return match[1];
        }
    }
    return undefined;
}
