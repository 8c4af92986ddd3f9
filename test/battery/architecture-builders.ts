/** The architectures as the batteries build them: the dev profile, a network, and the overrides of each case. */
import { HybridArchitecture, HybridArchitectureArgs } from "../../components/architectures";
import { KappaArchitecture, KappaArchitectureArgs } from "../../components/architectures/kappa/kappa";
import { LambdaArchitecture } from "../../components/architectures/lambda/lambda";
import { LambdaArchitectureArgs } from "../../components/architectures/lambda/lambda-args";
import { network, target, views } from "../architectures/lambda-fixtures";

export type Overrides = Partial<HybridArchitectureArgs & KappaArchitectureArgs & LambdaArchitectureArgs>;

export const build: Record<string, (o: Overrides) => () => void> = {
    hybrid: (o) => () => void new HybridArchitecture("hybrid", { profile: "dev", network, ...o } as HybridArchitectureArgs),
    kappa: (o) => () => void new KappaArchitecture("kappa", { profile: "dev", network, target: target(), ...o } as KappaArchitectureArgs),
    lambda: (o) => () =>
        void new LambdaArchitecture("lambda", {
            profile: "dev",
            network,
            kubernetes: target(),
            topics: { clicks: {}, orders: {} },
            views,
            ...o,
        } as LambdaArchitectureArgs),
};

export const COMPONENT: Record<string, string> = { hybrid: "HybridArchitecture", kappa: "KappaArchitecture", lambda: "LambdaArchitecture" };
