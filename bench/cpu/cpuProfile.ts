// Reads a V8 CPU profile (the Profiler domain's `Profile`): how long the
// thread was busy, and how much of that ran on behalf of scripts whose URL
// the caller names as its own.

export interface CpuProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string };
  readonly children?: readonly number[];
}

export interface CpuProfile {
  readonly nodes: readonly CpuProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

export interface ProfileSummary {
  /** Sampled time the thread was not idle (JS, garbage collection, the engine's own work), in ms. */
  readonly busyMs: number;
  /** Part of busyMs spent in code called from a script `isOurs` accepts, in ms. */
  readonly oursMs: number;
  readonly spanMs: number;
}

const idleNode = '(idle)';

/**
 * A sample belongs to the nearest frame on its stack that has a URL: a
 * built-in such as JSON.parse counts for the script that called it.
 */
export function summariseProfile(profile: CpuProfile, isOurs: (url: string) => boolean): ProfileSummary {
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));

  const ownerUrl = new Map<number, string>();
  const urlOf = (id: number): string => {
    const known = ownerUrl.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const parent = parentOf.get(id);
    const url = node?.callFrame.url || (parent === undefined ? '' : urlOf(parent));
    ownerUrl.set(id, url);
    return url;
  };

  let busyUs = 0;
  let oursUs = 0;
  const samples = profile.samples ?? [];
  samples.forEach((id, index) => {
    const delta = profile.timeDeltas?.[index] ?? 0;
    if (byId.get(id)?.callFrame.functionName === idleNode) return;
    busyUs += delta;
    if (isOurs(urlOf(id))) oursUs += delta;
  });
  return { busyMs: busyUs / 1000, oursMs: oursUs / 1000, spanMs: (profile.endTime - profile.startTime) / 1000 };
}
