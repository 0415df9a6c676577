/**
 * The interaction workspace on the reference server (issue 18): one call
 * from server/app.ts makes the service, its time-driven work and its
 * routes. Test mode (fault injection on) adds an adjustable clock and the
 * /__test/interactions driver routes; `UCRM_SIMULATOR=1` (never in
 * production) feeds demo traffic.
 */
import type { Context, Hono } from 'hono';
import type { Db } from '../db.js';
import type { Env } from '../http.js';
import { ActivityBoard } from './activity.js';
import { activityTestRoutes, attachmentRoutes, isSignedDownload, isUploadRequest } from './attachment-routes.js';
import { AttachmentStore } from './attachments.js';
import { AdjustableClock, systemClock } from './clock.js';
import { interactionRoutes } from './routes.js';
import { simulatorEnabled, startSimulator } from './simulator.js';
import { StreamRegistry } from './streams.js';
import { interactionTestRoutes } from './test-routes.js';
import { Workspace, type WorkspaceContacts } from './workspace.js';

export { Workspace } from './workspace.js';

export interface InteractionServerOptions {
  db: Db;
  contacts: WorkspaceContacts;
  /** Test mode: adjustable clock and the /__test/interactions routes. */
  testMode?: boolean;
  draining?: () => boolean;
  /** Defaults to process.env (UCRM_SIMULATOR, UCRM_PRESENCE_GRACE_MS). */
  env?: NodeJS.ProcessEnv;
}

const TICK_MS = 1000;
/** How long after the last request the time-driven work keeps running without open streams. */
const IDLE_MS = 5 * 60_000;
const PRUNE_EVERY_TICKS = 600;
/** Idle, the next due work is looked up again at least this often (another process may have scheduled sooner work). */
const IDLE_CHECK_MS = 60_000;

/**
 * Runs `workspace.maintain` every second while anything may be due: a
 * stream is open here, a request came in lately, or the simulator runs.
 * Otherwise it sleeps until the next due work (a rescheduled attempt, a
 * transfer deadline, a wrap-up end), so that happens without requests,
 * also after a restart. A failure (the database closed with the server)
 * stops it until the next request.
 */
class Maintenance {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private idle: ReturnType<typeof setTimeout> | undefined;
  private until = 0;
  private ticks = 0;

  constructor(
    private readonly workspace: Workspace,
    private readonly streams: StreamRegistry,
    private readonly always: boolean,
    private readonly activity: ActivityBoard,
    private readonly attachments: AttachmentStore,
  ) {}

  touch(): void {
    this.until = Date.now() + IDLE_MS;
    this.wake();
  }

  /** Looks up the next due work and sleeps until then (at most IDLE_CHECK_MS), unless the loop runs anyway. */
  async sleepUntilDue(): Promise<void> {
    let next: number | undefined;
    try {
      next = await this.workspace.nextDue();
    } catch {
      return;
    }
    if (this.timer || next === undefined) return;
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.wake(), Math.min(Math.max(0, next - this.workspace.clock.now()), IDLE_CHECK_MS));
    this.idle.unref?.();
  }

  private wake(): void {
    clearTimeout(this.idle);
    this.idle = undefined;
    this.timer ??= this.schedule();
  }

  private schedule() {
    const timer = setTimeout(() => void this.run(), TICK_MS);
    timer.unref?.();
    return timer;
  }

  private async run(): Promise<void> {
    try {
      await this.workspace.maintain(this.streams.agents());
      await this.activity.expire(this.workspace.graceMs);
      if (++this.ticks % PRUNE_EVERY_TICKS === 0) {
        await this.workspace.prune();
        await this.attachments.prune();
      }
    } catch {
      this.timer = undefined;
      return;
    }
    this.timer = this.always || this.streams.size || Date.now() < this.until ? this.schedule() : undefined;
    if (!this.timer) void this.sleepUntilDue();
  }
}

export interface InteractionServer {
  workspace: Workspace;
  streams: StreamRegistry;
  /** Mounts /__test/interactions (test mode only); call before authentication. */
  mountTestRoutes(app: Hono<Env>): void;
  /** Registers the /interactions routes; call after authentication. */
  mountRoutes(app: Hono<Env>): void;
  /** Uploads set their own body limit: the general one skips them. */
  isUploadRequest(c: Context): boolean;
  /** A download with a valid signed link needs no bearer token. */
  isSignedDownload(c: Context): Promise<boolean>;
}

export function createInteractionServer(options: InteractionServerOptions): InteractionServer {
  const env = options.env ?? process.env;
  const clock = options.testMode ? new AdjustableClock() : systemClock;
  const simulator = simulatorEnabled(env);
  const grace = Number(env.UCRM_PRESENCE_GRACE_MS);
  const workspace = new Workspace({
    db: options.db,
    contacts: options.contacts,
    clock,
    ...(Number.isFinite(grace) && grace > 0 ? { graceMs: grace } : {}),
    simulateCarrier: simulator,
  });
  const streams = new StreamRegistry();
  const attachments = new AttachmentStore(options.db, () => clock.now());
  const activity = new ActivityBoard(options.db, workspace.hub, clock);
  const maintenance = new Maintenance(workspace, streams, simulator, activity, attachments);
  if (simulator) {
    startSimulator(workspace);
    maintenance.touch();
  } else {
    // Work may already be due in the database (a restart): it runs without waiting for a request.
    void maintenance.sleepUntilDue();
  }
  return {
    workspace,
    streams,
    mountTestRoutes(app) {
      if (clock instanceof AdjustableClock) {
        activityTestRoutes(app, workspace, activity, attachments);
        app.route('/__test/interactions', interactionTestRoutes(workspace, streams, clock, () => maintenance.touch()));
      }
    },
    mountRoutes(app) {
      interactionRoutes(app, workspace, streams, {
        touch: () => maintenance.touch(),
        attachments,
        ...(options.draining ? { draining: options.draining } : {}),
      });
      attachmentRoutes(app, workspace, attachments, activity);
    },
    isUploadRequest,
    isSignedDownload: (c) => isSignedDownload(c, attachments),
  };
}
