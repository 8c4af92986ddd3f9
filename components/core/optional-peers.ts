import type * as Kubernetes from "@pulumi/kubernetes";
import type * as Kafka from "@pulumi/kafka";
import type * as Eks from "@pulumi/eks";
import type * as Awsx from "@pulumi/awsx";
import { SpectrumValidationError } from "./errors";

/**
 * The provider SDKs only some components need, with the peer ranges package.json declares for them
 * (a test keeps the two in step). A platform repo that uses the landing zone alone installs none of
 * them, so nothing may load them before a component that needs one is constructed: modules that
 * use one import its types only (`import type`) and call {@link requirePeer} where they create
 * resources.
 */
export const OPTIONAL_PEERS = {
    "@pulumi/kubernetes": "^4.34.2",
    "@pulumi/kafka": "^3.13.2",
    "@pulumi/eks": "^4.3.0",
    "@pulumi/awsx": "^3.9.0",
} as const;

/** The package name of an optional peer SDK. */
export type OptionalPeer = keyof typeof OPTIONAL_PEERS;

interface PeerModules {
    "@pulumi/kubernetes": typeof Kubernetes;
    "@pulumi/kafka": typeof Kafka;
    "@pulumi/eks": typeof Eks;
    "@pulumi/awsx": typeof Awsx;
}

/** The message for a peer that is not installed: who needs it, and the command that installs it. */
export function missingPeerMessage(pkg: OptionalPeer, neededBy: string): string {
    return (
        `${neededBy}: needs ${pkg}, an optional peer dependency of pulumi-spectrum that is not installed. ` +
        `Install it in your project: npm install ${pkg}@"${OPTIONAL_PEERS[pkg]}".`
    );
}

function isMissing(error: unknown, pkg: string): boolean {
    // Only the package itself: a broken install of it (one of its own dependencies missing) must
    // surface as it is, not as "install the package you already have".
    const e = error as { code?: unknown; message?: unknown };
    return e?.code === "MODULE_NOT_FOUND" && typeof e.message === "string" && e.message.includes(`'${pkg}'`);
}

function load<P extends OptionalPeer>(pkg: P): PeerModules[P] {
    // A synchronous require at first use: constructors cannot await an import().
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(pkg) as PeerModules[P];
}

/**
 * Loads an optional peer SDK for a component that needs it. `neededBy` names the requester the way
 * validation messages do (`FlinkOperator "flink"`). Throws a {@link SpectrumValidationError} naming
 * the package and its install command when it is not installed.
 */
export function requirePeer<P extends OptionalPeer>(pkg: P, neededBy: string): PeerModules[P] {
    try {
        return load(pkg);
    } catch (error) {
        if (isMissing(error, pkg)) throw new SpectrumValidationError([missingPeerMessage(pkg, neededBy)]);
        throw error;
    }
}

/** The optional peer SDK if it is installed, else undefined (for checks such as "is this a `@pulumi/kafka` provider?"). */
export function peerIfInstalled<P extends OptionalPeer>(pkg: P): PeerModules[P] | undefined {
    try {
        return load(pkg);
    } catch (error) {
        if (isMissing(error, pkg)) return undefined;
        throw error;
    }
}
