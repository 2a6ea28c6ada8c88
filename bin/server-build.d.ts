/** The compiled entry if dist/server-build.json matches the sources, else null. */
export function currentServerBuild(root: string): Promise<string | null>;
/** Bundles the server into dist/server-<hash>/, records it in the stamp, returns the entry. */
export function buildServer(root: string): Promise<string>;
