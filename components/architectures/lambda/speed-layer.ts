import * as pulumi from "@pulumi/pulumi";
import { SpeedLayer, SpeedLayerInputs } from "./speed-flavour";
import { flinkSpeedLayer } from "./speed-flink";
import { sparkSpeedLayer } from "./speed-spark";
import { streamsSpeedLayer } from "./speed-streams";

/** Builds the speed layer with the processor the settings chose. */
export function createSpeedLayer(name: string, inputs: SpeedLayerInputs, parent: pulumi.Resource): SpeedLayer {
    switch (inputs.settings.processor) {
        case "flink":
            return flinkSpeedLayer(name, inputs, parent);
        case "spark-streaming":
            return sparkSpeedLayer(name, inputs, parent);
        case "kafka-streams":
            return streamsSpeedLayer(name, inputs, parent);
    }
}
