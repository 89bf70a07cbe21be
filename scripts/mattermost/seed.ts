// Accounts and the team the tests use. Seeding is idempotent: against a
// database seeded before, it finds what exists and only adds what is missing.
import type { Team } from '@mattermost/types/teams';
import type { UserProfile } from '@mattermost/types/users';
import { clientFor, hasStatus } from './mattermost-client.ts';
import type { Client4 } from './mattermost-client.ts';
import type { SeededAccount, SeededUser, SeededUserName, ServerInfo } from './server-info.ts';

type AccountSpec = Omit<SeededAccount, 'id'>;
type UserSpec = Omit<SeededUser, 'id'>;

const adminSpec: AccountSpec = {
  username: 'sysadmin',
  email: 'sysadmin@companion.test',
  password: 'Sysadmin-Passw0rd!',
};

const userSpecs: Record<SeededUserName, UserSpec> = {
  alice: userSpec('alice', 'Alice', 'Archer'),
  bob: userSpec('bob', 'Bob', 'Baker'),
  carol: userSpec('carol', 'Carol', 'Chen'),
};

const teamSpec = { name: 'companion', display_name: 'Companion', type: 'O' } as const;

export type SeededData = Pick<ServerInfo, 'team' | 'admin' | 'users'>;

export async function seedServer(url: string): Promise<SeededData> {
  const client = clientFor(url);
  const admin = await signInAdmin(client);
  const team = await ensureTeam(client);
  await client.addToTeam(team.id, admin.id);

  const users = {} as Record<SeededUserName, SeededUser>;
  for (const [name, spec] of Object.entries(userSpecs) as [SeededUserName, UserSpec][]) {
    const user = await ensureUser(client, spec);
    await client.addToTeam(team.id, user.id);
    users[name] = { id: user.id, ...spec };
  }
  return {
    team: { name: team.name, id: team.id },
    admin: { id: admin.id, ...adminSpec },
    users,
  };
}

function userSpec(username: string, firstName: string, lastName: string): UserSpec {
  return { username, email: `${username}@companion.test`, password: `${firstName}-Passw0rd!`, firstName, lastName };
}

/** Signs the client in as the admin, creating it first on an empty server. */
async function signInAdmin(client: Client4): Promise<UserProfile> {
  try {
    return assertSystemAdmin(await client.login(adminSpec.username, adminSpec.password));
  } catch (error) {
    if (!hasStatus(error, 401)) throw error;
  }
  try {
    // Without a session this works only on a server with no accounts yet, and
    // Mattermost makes that first account a system administrator.
    await client.createUser(newUser(adminSpec), '', '');
  } catch (error) {
    throw new Error(
      `Could not sign in as ${adminSpec.username}, nor create it: the database already has other accounts. ` +
        'Drop the database (companion_mattermost, or the one COMPANION_DB_NAME names) to start from an empty server.',
      { cause: error },
    );
  }
  return assertSystemAdmin(await client.login(adminSpec.username, adminSpec.password));
}

function assertSystemAdmin(user: UserProfile): UserProfile {
  if (!user.roles.split(' ').includes('system_admin')) {
    throw new Error(`${user.username} is not a system administrator (roles: ${user.roles}).`);
  }
  return user;
}

async function ensureUser(client: Client4, spec: UserSpec): Promise<UserProfile> {
  const user = (await findOrUndefined(client.getUserByUsername(spec.username))) ?? (await client.createUser(newUser(spec), '', ''));
  if (user.first_name === spec.firstName && user.last_name === spec.lastName) return user;
  return client.patchUser({ id: user.id, first_name: spec.firstName, last_name: spec.lastName });
}

async function ensureTeam(client: Client4): Promise<Team> {
  // The client's types ask for a whole Team; the server only needs these fields.
  return (await findOrUndefined(client.getTeamByName(teamSpec.name))) ?? client.createTeam({ ...teamSpec } as Team);
}

function newUser(spec: AccountSpec | UserSpec): UserProfile {
  const names = 'firstName' in spec ? { first_name: spec.firstName, last_name: spec.lastName } : {};
  // The client's types ask for a whole UserProfile; the server fills in the rest.
  return { username: spec.username, email: spec.email, password: spec.password, ...names } as UserProfile;
}

async function findOrUndefined<T>(lookup: Promise<T>): Promise<T | undefined> {
  try {
    return await lookup;
  } catch (error) {
    if (hasStatus(error, 404)) return undefined;
    throw error;
  }
}
