import type { RouteDef } from '../../core/routes';
import { EVERYONE } from '../../core/routes';
import { Home } from './pages';

export const routes: readonly RouteDef[] = [
  { path: '/', page: Home, roles: EVERYONE, menu: { label: 'menu.home', group: 'start', order: 0 } },
];
