import { useEffect, useState } from 'preact/hooks';
import { login, logout, type User } from './core/auth';
import { lang, onLangChange, setLang, t } from './core/i18n';
import { Link, match, navigate, useLocation } from './core/router';
import { MENU_GROUPS, type RouteDef } from './core/routes';
import { Toasts } from './core/ui';
import { routes as commonRoutes } from './areas/common';
import { routes as creatorRoutes } from './areas/creator';
import { routes as traderRoutes } from './areas/trader';
import { routes as operatorRoutes } from './areas/operator';
import { routes as regulatorRoutes } from './areas/regulator';
import { NotFound, Landing } from './areas/common/pages';

const ROUTES: readonly RouteDef[] = [...commonRoutes, ...creatorRoutes, ...traderRoutes, ...operatorRoutes, ...regulatorRoutes];

function allowed(route: RouteDef, user: User): boolean {
  return route.roles.some(r => user.roles.includes(r));
}

export function App(props: { user: User | null }) {
  const [, setLangTick] = useState(0);
  useEffect(() => onLangChange(() => setLangTick(n => n + 1)), []);
  const { path, query } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [path]);
  const user = props.user;

  let content;
  if (!user) {
    content = <Landing />;
  } else {
    const found = ROUTES.map(r => ({ r, params: match(r.path, path) })).find(x => x.params !== null);
    if (!found) content = <NotFound />;
    else if (!allowed(found.r, user)) content = <NotFound forbidden />;
    else {
      const PageComponent = found.r.page;
      content = <PageComponent key={path} params={found.params!} query={query} />;
    }
  }

  const menu = user ? ROUTES.filter(r => r.menu && allowed(r, user)) : [];
  // The most specific menu entry is the current one (on /works/new, "Register a work", not also "My works").
  const current = menu.map(r => r.path).filter(p => isCurrent(p, path)).sort((a, b) => b.length - a.length)[0];
  return (
    <>
      <a class="skip" href="#main">{t('shell.skip')}</a>
      <header class="topbar">
        <Link href="/" class="brand">
          <span class="brand-mark" aria-hidden="true">dcx</span>
          <span class="brand-name">{t('shell.brand')}</span>
        </Link>
        {user && (
          <button type="button" class="menu-toggle" aria-expanded={menuOpen} aria-controls="nav" onClick={() => setMenuOpen(o => !o)}>
            {t('shell.menu')}
          </button>
        )}
        <div class="topbar-right">
          <div class="lang-switch" role="group" aria-label={t('shell.language')}>
            <button type="button" aria-pressed={lang() === 'zh'} onClick={() => setLang('zh')} lang="zh-CN">中文</button>
            <button type="button" aria-pressed={lang() === 'en'} onClick={() => setLang('en')} lang="en">EN</button>
          </div>
          {user ? (
            <div class="who">
              <span class="who-name" data-testid="user-name">{user.name}</span>
              <span class="who-roles">{user.roles.map(r => t(`role.${r}`)).join(' · ')}</span>
              <button type="button" class="btn btn-ghost" onClick={() => logout()}>{t('shell.logout')}</button>
            </div>
          ) : (
            <button type="button" class="btn btn-primary" onClick={() => login(lang() === 'zh' ? 'zh-CN' : 'en')}>{t('shell.login')}</button>
          )}
        </div>
      </header>
      <div class={`layout ${user ? '' : 'layout-public'}`}>
        {user && (
          <nav id="nav" class={`nav ${menuOpen ? 'open' : ''}`} aria-label={t('shell.navigation')}>
            {MENU_GROUPS.map(group => {
              const items = menu.filter(r => r.menu!.group === group).sort((a, b) => a.menu!.order - b.menu!.order);
              if (items.length === 0) return null;
              return (
                <div class="nav-group" key={group}>
                  <h2>{t(`menu.group.${group}`)}</h2>
                  <ul>
                    {items.map(r => (
                      <li key={r.path}>
                        <Link href={r.path} aria-current={r.path === current ? 'page' : undefined}>{t(r.menu!.label)}</Link>
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })}
          </nav>
        )}
        <main id="main" tabIndex={-1}>{content}</main>
      </div>
      <Toasts />
    </>
  );
}

function isCurrent(itemPath: string, path: string): boolean {
  return itemPath === '/' ? path === '/' : path === itemPath || path.startsWith(itemPath + '/');
}

export { navigate };
