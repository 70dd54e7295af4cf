import Keycloak from 'keycloak-js';

/** The realm roles dcx knows (service: api.Roles). */
export type Role = 'creator' | 'trader' | 'operator' | 'regulator' | 'admin';
export const ROLES: readonly Role[] = ['creator', 'trader', 'operator', 'regulator', 'admin'];

export interface User {
  readonly username: string;
  readonly name: string;
  readonly roles: readonly Role[];
}

/** What the service tells the console about its identity provider (GET /api/v1/console/config). */
export interface ConsoleConfig {
  readonly oidcUrl: string;
  readonly clientId: string;
}

let keycloak: Keycloak | null = null;

/**
 * Starts the login session: authorization code flow with PKCE (S256) against the realm the service trusts.
 * 'check-sso' without an iframe: one redirect round trip to Keycloak tells whether a session exists, so a reload
 * keeps the user logged in, and tokens live in memory only (never in localStorage).
 */
export async function startSession(config: ConsoleConfig): Promise<User | null> {
  const realmAt = config.oidcUrl.lastIndexOf('/realms/');
  keycloak = new Keycloak({
    url: config.oidcUrl.substring(0, realmAt),
    realm: decodeURIComponent(config.oidcUrl.substring(realmAt + '/realms/'.length).replace(/\/$/, '')),
    clientId: config.clientId,
  });
  const authenticated = await keycloak.init({
    onLoad: 'check-sso',
    pkceMethod: 'S256',
    checkLoginIframe: false,
    responseMode: 'query',
  });
  return authenticated ? currentUser() : null;
}

/** The logged-in user, or null. */
export function sessionUser(): User | null {
  return keycloak?.authenticated ? currentUser() : null;
}

function currentUser(): User | null {
  const parsed = keycloak?.tokenParsed as Record<string, unknown> | undefined;
  if (!parsed) return null;
  const realmRoles = ((parsed.realm_access as { roles?: string[] } | undefined)?.roles ?? []);
  const roles = ROLES.filter(r => realmRoles.includes(r));
  const username = String(parsed.preferred_username ?? parsed.sub ?? '');
  const name = String(parsed.name ?? username);
  return { username, name, roles };
}

export function login(locale: string): Promise<void> {
  if (!keycloak) throw new Error('session not started');
  return keycloak.login({ redirectUri: window.location.href, locale });
}

export function logout(): Promise<void> {
  if (!keycloak) throw new Error('session not started');
  return keycloak.logout({ redirectUri: window.location.origin + '/' });
}

/** A fresh access token (refreshed when it has under 30 s left), or null when logged out. */
export async function accessToken(): Promise<string | null> {
  if (!keycloak?.authenticated) return null;
  try {
    await keycloak.updateToken(30);
  } catch {
    // The session ended at Keycloak (logout elsewhere, expiry): start a new login.
    await keycloak.login({ redirectUri: window.location.href });
    return null;
  }
  return keycloak.token ?? null;
}
