import { tagProblem } from "../aws-limits";
import { map, explain, v } from "./declare";

/** AWS tags: a map of strings whose keys and values every AWS service accepts (no `aws:` keys). */
export function awsTagMap() {
    return v.pipe(
        map(v.string(), v.string()),
        v.rawCheck(({ dataset, addIssue }) => {
            if (!dataset.typed) return;
            for (const [key, value] of Object.entries(dataset.value)) {
                const found = tagProblem(key, value);
                if (found) {
                    addIssue({
                        message: explain(found.problem, found.fix),
                        input: key,
                        path: [{ type: "object", origin: "key", input: dataset.value, key, value }],
                    });
                }
            }
        }),
    );
}
