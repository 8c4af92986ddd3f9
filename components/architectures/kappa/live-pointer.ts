import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { READ_COMMITTED } from "./exactly-once";

/** What consumers of a Kappa architecture read: the live version's outputs. */
export interface KappaLiveOutputs {
    /** The live version. */
    version: string;
    /** Output topics of the live version: base name -> versioned topic. */
    topics: Record<string, string>;
    /** `s3://` prefix of the live version's results in the landing zone, when the job writes there. */
    landingUri?: string;
    /** Consumers must read committed records only: outputs are written in transactions. */
    isolationLevel: "read_committed";
    /** Bootstrap servers of the cluster. */
    bootstrapServers: string;
}

export interface LivePointerArgs {
    parameterName: string;
    live: pulumi.Input<KappaLiveOutputs>;
    tags: Record<string, string>;
}

/**
 * The live pointer: an SSM parameter holding the live version's outputs as JSON. Kafka has no
 * topic aliases, so the cut-over is a pointer consumers resolve (at start, or by polling), not a
 * rename: flipping `live` rewrites this one value and nothing else.
 */
export function livePointer(name: string, args: LivePointerArgs, parent: pulumi.Resource): aws.ssm.Parameter {
    return new aws.ssm.Parameter(
        `${name}-live`,
        {
            name: args.parameterName,
            description: `spectrum KappaArchitecture ${name}: outputs of the live version (read with isolation.level=${READ_COMMITTED})`,
            type: "String",
            tier: "Standard",
            dataType: "text",
            // Names and locations, no secret: shown in the preview, so a cut-over is reviewed like any change.
            insecureValue: pulumi.jsonStringify(args.live),
            tags: args.tags,
        },
        { parent },
    );
}
