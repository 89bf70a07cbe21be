import { routeOf, type ExtensionRequest } from '../../tests/e2e/extensionRequests.ts';

/** How many requests went to each route, most first, as "3 × GET /api/v4/users/{id}". */
export function describeRequestKinds(requests: readonly ExtensionRequest[]): string {
  const counts = new Map<string, number>();
  for (const request of requests) counts.set(routeOf(request), (counts.get(routeOf(request)) ?? 0) + 1);
  if (counts.size === 0) return 'none';
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([route, count]) => `${count} × ${route}`)
    .join(', ');
}
