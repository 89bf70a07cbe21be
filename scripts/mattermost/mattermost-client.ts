// Mattermost's REST client for the Node scripts. @mattermost/client is
// CommonJS and Node cannot see its `Client4` named export (it is re-exported
// through a getter), so Node code takes the classes from the module object.
// Browser code bundled by Vite can import them by name as usual.
import mattermostClient from '@mattermost/client';

export const { Client4, ClientError } = mattermostClient;
export type Client4 = InstanceType<typeof Client4>;

/** A client for the server at `url`, not signed in. */
export function clientFor(url: string): Client4 {
  const client = new Client4();
  client.setUrl(url);
  return client;
}

export function hasStatus(error: unknown, status: number): boolean {
  return error instanceof ClientError && error.status_code === status;
}
