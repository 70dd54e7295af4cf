import type { RouteDef } from '../../core/routes';

export const routes: readonly RouteDef[] = [];
