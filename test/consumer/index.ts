import { platform } from "./platform";

// Pulumi runs the exported function and makes what it returns the stack's outputs.
export = platform;
