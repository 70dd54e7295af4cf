import type { FunctionComponent } from 'preact';
import type { Role } from './auth';

/** What a page gets: the route's named parameters and the query string. */
export interface PageProps {
  readonly params: Record<string, string>;
  readonly query: URLSearchParams;
}

/**
 * One page of the console. `roles` lists who may open it (the service enforces the same rules: the console hides
 * what a user cannot do, it does not decide it). Pages with a `menu` entry appear in the navigation.
 */
export interface RouteDef {
  readonly path: string;
  readonly page: FunctionComponent<PageProps>;
  readonly roles: readonly Role[];
  readonly menu?: { readonly label: string; readonly group: MenuGroup; readonly order: number };
}

/** Menu groups, in the order the navigation shows them; each has a message `menu.group.<name>`. */
export type MenuGroup = 'start' | 'works' | 'market' | 'account' | 'operations' | 'supervision';
export const MENU_GROUPS: readonly MenuGroup[] = ['start', 'works', 'market', 'account', 'operations', 'supervision'];

export const EVERYONE: readonly Role[] = ['creator', 'trader', 'operator', 'regulator', 'admin'];
export const PARTICIPANTS: readonly Role[] = ['creator', 'trader'];
export const SUPERVISORS: readonly Role[] = ['operator', 'regulator'];
