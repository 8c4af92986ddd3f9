import * as fs from "fs";

export default function globalTeardown(): void {
    const dir = process.env.SPECTRUM_TEST_PLANS;
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
