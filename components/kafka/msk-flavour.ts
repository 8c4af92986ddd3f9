import { KafkaConnection, MskFlavour } from "../core/contracts";

/** The kind of MSK cluster a connection points at, or undefined for a cluster that is not MSK (no cluster ARN). */
export function mskFlavourOf(connection: KafkaConnection): MskFlavour | undefined {
    if (connection.clusterArn === undefined) return undefined;
    return connection.mskFlavour ?? "standard";
}

/** Express brokers and Serverless fix replication at 3 copies and `min.insync.replicas` at 2: topics cannot choose. */
export function fixesReplication(flavour: MskFlavour | undefined): boolean {
    return flavour === "express" || flavour === "serverless";
}

/** How a flavour is called in messages. */
export function flavourLabel(flavour: MskFlavour): string {
    return { standard: "MSK with Standard brokers", express: "MSK Express brokers", serverless: "MSK Serverless clusters" }[flavour];
}
