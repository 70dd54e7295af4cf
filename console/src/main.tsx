import { render } from 'preact';
import { App } from './app';
import { startSession, type ConsoleConfig } from './core/auth';
import { addMessages, lang, setLang } from './core/i18n';
import { messages as shellMessages } from './core/messages';
import { messages as commonMessages } from './areas/common/messages';
import { messages as creatorMessages } from './areas/creator/messages';
import { messages as traderMessages } from './areas/trader/messages';
import { messages as operatorMessages } from './areas/operator/messages';
import { messages as regulatorMessages } from './areas/regulator/messages';
import './styles.css';

[shellMessages, commonMessages, creatorMessages, traderMessages, operatorMessages, regulatorMessages].forEach(addMessages);
setLang(lang());

async function boot(): Promise<void> {
  const root = document.getElementById('app')!;
  try {
    const response = await fetch('/api/v1/console/config');
    if (!response.ok) throw new Error(`console config: HTTP ${response.status}`);
    const config = (await response.json()) as ConsoleConfig;
    const user = await startSession(config);
    root.textContent = '';
    render(<App user={user} />, root);
  } catch (e) {
    root.innerHTML = '';
    const p = document.createElement('p');
    p.className = 'boot boot-error';
    p.setAttribute('role', 'alert');
    p.textContent = `dcx could not start: ${(e as Error).message ?? e}. Is the identity provider (Keycloak) running?`;
    root.appendChild(p);
  }
}

void boot();
