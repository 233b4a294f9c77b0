import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { rapporteurCommandCallback } from './rapporteur.ts';
import { recommandationCommandCallback } from './recommandation.ts';

export function register(app: App, deps: SlackDeps): void {
  app.command('/rapporteur', rapporteurCommandCallback(deps));
  app.command('/recommandation', recommandationCommandCallback(deps));
}
