import { labelKeyProblem, labelValueProblem, resourceQuantityProblem } from "../kubernetes-values";
import { map, explain, v } from "./declare";

/** A Kubernetes resource quantity (request, limit, volume size) the API server accepts and that is above zero. */
export function k8sQuantity() {
    return v.pipe(
        v.string(),
        v.rawCheck(({ dataset, addIssue }) => {
            if (!dataset.typed) return;
            const found = resourceQuantityProblem(dataset.value);
            if (found) addIssue({ message: explain(found.problem, found.fix), input: dataset.value });
        }),
    );
}

/** Kubernetes labels: a map whose keys and values the API server accepts. */
export function k8sLabelMap() {
    return v.pipe(
        map(v.string(), v.string()),
        v.rawCheck(({ dataset, addIssue }) => {
            if (!dataset.typed) return;
            for (const [key, value] of Object.entries(dataset.value)) {
                const keyProblem = labelKeyProblem(key);
                const found = keyProblem ?? labelValueProblem(value);
                if (found) {
                    addIssue({
                        message: explain(found.problem, found.fix),
                        input: keyProblem ? key : value,
                        path: [{ type: "object", origin: keyProblem ? "key" : "value", input: dataset.value, key, value }],
                    });
                }
            }
        }),
    );
}
