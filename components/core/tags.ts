/** Tags every spectrum AWS resource carries, so cost reports and policies can find them. */
export function awsTags(component: string, tags?: Record<string, string>, architecture?: string): Record<string, string> {
    return {
        ...(tags ?? {}),
        "spectrum:component": component,
        ...(architecture ? { "spectrum:architecture": architecture } : {}),
    };
}

/** The recommended `app.kubernetes.io/*` labels for a workload. */
export function k8sLabels(name: string, component: string, extra?: Record<string, string>): Record<string, string> {
    return {
        ...(extra ?? {}),
        "app.kubernetes.io/name": name,
        "app.kubernetes.io/component": component,
        "app.kubernetes.io/part-of": "spectrum",
        "app.kubernetes.io/managed-by": "pulumi",
    };
}

/** The subset of {@link k8sLabels} that is stable enough to use in a selector. */
export function k8sSelector(name: string, component: string): Record<string, string> {
    return { "app.kubernetes.io/name": name, "app.kubernetes.io/component": component };
}
