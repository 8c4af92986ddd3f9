import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";

/** What makes a job's state findable: where the FlinkDeployment lives and where its files are. */
export interface StateIdentity {
    /** The FlinkJob component's name, for the message. */
    component: string;
    namespace: string;
    deploymentName: string;
    /** Bucket of the state prefix. */
    stateBucket: string;
    /** Key prefix of the job's state inside the bucket. */
    stateKeyPrefix: string;
    /** The job's `initialSavepointPath`, or "" when none. */
    initialSavepointPath: string;
    /** The job's `allowStateReset`. */
    allowStateReset: boolean;
}

/** What state-guard-provider.js exports: the module Pulumi's dynamic provider host evaluates. */
interface StateGuardProviderModule {
    stateGuardProblem(olds: Partial<StateIdentity>, news: StateIdentity): string | undefined;
    handler(): pulumi.dynamic.ResourceProvider;
}

/**
 * The provider's module, plain JavaScript beside this file; the build copies it into dist/ and the
 * package ships it, so the path resolves from the installed package, not from a checkout.
 */
const PROVIDER_FILE = path.join(__dirname, "state-guard-provider.js");

let providerText: string | undefined;
/** The module's source, read once per run: the `__provider` input every guard registers. */
export function stateGuardProviderText(): string {
    if (providerText === undefined) {
        if (!fs.existsSync(PROVIDER_FILE)) {
            // Only a build that skipped the copy step gets here; nothing a stack's config can fix.
            throw new Error(
                `FlinkStateGuard's provider module is missing at ${PROVIDER_FILE}: build with \`npm run build\`, which copies it next to the code`,
            );
        }
        providerText = fs.readFileSync(PROVIDER_FILE, "utf8");
    }
    return providerText;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain JavaScript module, typed above
const providerModule = (): StateGuardProviderModule => require(PROVIDER_FILE) as StateGuardProviderModule;

/**
 * The problem with moving from `olds` to `news`, or undefined when the move keeps the state.
 * Changing the namespace or name makes Pulumi replace the FlinkDeployment (a new resource starts
 * with empty state); changing the state prefix strands the old files where the job's role can no
 * longer read them. Either is fine when the same update names a savepoint to start from (a new
 * `initialSavepointPath`), or when the user opted into losing state. The rule lives in the
 * provider's module, which is what `pulumi preview` runs.
 */
export function stateGuardProblem(olds: Partial<StateIdentity>, news: StateIdentity): string | undefined {
    return providerModule().stateGuardProblem(olds, news);
}

/** The guard's provider, as the host gets it from the module: `check` refuses a state-losing change. */
export function stateGuardProvider(): pulumi.dynamic.ResourceProvider {
    return providerModule().handler();
}

export type StateGuardArgs = { [K in keyof StateIdentity]: pulumi.Input<StateIdentity[K]> };

/** The type token `pulumi.dynamic.Resource` gives a dynamic resource of this type name and no module. */
const STATE_GUARD_TYPE = "pulumi-nodejs:dynamic:FlinkStateGuard";

/**
 * Remembers a job's state identity in the Pulumi state and fails `pulumi preview` / `up` with a
 * migration recipe when an update would change it. The FlinkDeployment depends on it, so the
 * check runs before the engine reaches the FlinkDeployment. Holds no cloud resource.
 *
 * A dynamic resource registered the way `pulumi.dynamic.Resource` registers one (same type token,
 * the provider's module text as `__provider`), but with that text read from the shipped module
 * instead of produced by the SDK's closure serializer on every run.
 */
export class FlinkStateGuard extends pulumi.CustomResource {
    constructor(name: string, args: StateGuardArgs, opts?: pulumi.CustomResourceOptions) {
        super(STATE_GUARD_TYPE, name, { ...args, __provider: stateGuardProviderText() }, opts);
    }
}
