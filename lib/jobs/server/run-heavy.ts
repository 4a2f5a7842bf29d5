// Runs one CPU-heavy task (an import's re-anchoring, a version's re-anchoring, a brief) in the
// heavy-work pool, never on the request thread, with a budget:
//   - at most HEAVY_JOBS_PER_USER of a user's tasks at a time (429 + Retry-After beyond);
//   - at most HEAVY_THREADS running and MAX_WAITING_TASKS waiting in the whole process (429 beyond);
//   - each task at most `budgetMs` of running time (queueing not counted): a task still running
//     then has its thread terminated, and the caller's `overBudget()` error is thrown (a 4xx).
import 'server-only';
import { MessageChannel } from 'node:worker_threads';
import type { Piscina } from 'piscina';
import { AppError } from '@/lib/api/app-error';
import type { Actor } from '@/lib/core/actor';
import { heavyPool, HEAVY_THREADS } from '@/lib/jobs/server/heavy-pool';
import type * as HeavyWorker from '@/lib/jobs/server/heavy-worker';

export const HEAVY_JOBS_PER_USER = 2;
export const MAX_WAITING_TASKS = 8;
export const HEAVY_BUDGET_MS = 20_000;
const RETRY_AFTER_SECONDS = 5;

type Tasks = typeof HeavyWorker;
// piscina derives its transfer-list type from the DOM's MessagePort overloads, which @types/node's
// union does not satisfy: the array of ports is what it takes at run time.
type PiscinaTransferList = NonNullable<NonNullable<Parameters<Piscina['run']>[1]>['transferList']>;
export type HeavyTask = keyof Tasks;
type Input<K extends HeavyTask> = Parameters<Tasks[K]>[0]['input'];
type Value<K extends HeavyTask> = Awaited<ReturnType<Tasks[K]>> extends HeavyWorker.TaskOutcome<infer V> ? V : never;

/** A thread that has not started a task this long after its budget would have run out has hung. */
const START_ALLOWANCE_MS = 30_000;

export type HeavyOptions = {
  /** The error for a task that outgrew its budget: 413 for a body that asks too much, 422 otherwise. */
  overBudget: (budgetMs: number) => AppError;
  budgetMs?: number;
  /** Buffers in the input to move to the thread instead of copying them (they are unusable here afterwards). */
  transferList?: ArrayBuffer[];
};

export type HeavyLimits = { perUser: number; waiting: number; budgetMs: number };
type State = { limits: HeavyLimits; perUser: Map<string, number>; running: number; waiting: Array<() => void> };
const KEY = Symbol.for('claimdesk.heavyWork');

function state(): State {
  const g = globalThis as unknown as Record<symbol, State | undefined>;
  return (g[KEY] ??= { limits: { perUser: HEAVY_JOBS_PER_USER, waiting: MAX_WAITING_TASKS, budgetMs: HEAVY_BUDGET_MS }, perUser: new Map(), running: 0, waiting: [] });
}

/** The process's limits, for tests that need a budget shorter than a real one (mutable on purpose). */
export function heavyLimits(): HeavyLimits {
  return state().limits;
}

function busy(message: string, retryAfterSeconds: number): AppError {
  return new AppError('rate_limited', message, { reason: 'heavy_work', retryAfterSeconds });
}

async function acquireThread(s: State): Promise<void> {
  if (s.running < HEAVY_THREADS) {
    s.running++;
    return;
  }
  if (s.waiting.length >= s.limits.waiting) {
    throw busy('The server is busy with other heavy work (imports, exports, searches of long documents): try again in a few seconds.', RETRY_AFTER_SECONDS * 2);
  }
  // The releasing task hands its thread over directly (running stays counted).
  await new Promise<void>((resolve) => s.waiting.push(resolve));
}

function releaseThread(s: State): void {
  const next = s.waiting.shift();
  if (next) next();
  else s.running--;
}

export async function runHeavy<K extends HeavyTask>(actor: Pick<Actor, 'id'>, task: K, input: Input<K>, options: HeavyOptions): Promise<Value<K>> {
  const s = state();
  const mine = s.perUser.get(actor.id) ?? 0;
  if (mine >= s.limits.perUser) {
    throw busy(
      `You already have ${mine} heavy requests running (imports, exports, searches of long documents); at most ${s.limits.perUser} run at a time. Try again when one has finished.`,
      RETRY_AFTER_SECONDS,
    );
  }
  s.perUser.set(actor.id, mine + 1);
  try {
    await acquireThread(s);
    try {
      const budgetMs = options.budgetMs ?? s.limits.budgetMs;
      const cut = new AbortController();
      // The budget runs from the moment the thread starts the task: a thread being (re)started is not its cost.
      const { port1, port2 } = new MessageChannel();
      let budget: NodeJS.Timeout | undefined;
      port1.once('message', () => {
        clearTimeout(hung);
        budget = setTimeout(() => cut.abort(), budgetMs);
      });
      const hung = setTimeout(() => cut.abort(), budgetMs + START_ALLOWANCE_MS);
      let result: HeavyWorker.TaskOutcome<Value<K>>;
      try {
        const message: HeavyWorker.TaskMessage<Input<K>> = { input, started: port2 };
        result = await heavyPool().run(message, { name: task, signal: cut.signal, transferList: [port2, ...(options.transferList ?? [])] as unknown as PiscinaTransferList });
      } catch (error) {
        if (cut.signal.aborted) throw options.overBudget(budgetMs);
        throw error;
      } finally {
        clearTimeout(hung);
        clearTimeout(budget);
        port1.close();
      }
      if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
      return result.value;
    } finally {
      releaseThread(s);
    }
  } finally {
    const left = (s.perUser.get(actor.id) ?? 1) - 1;
    if (left > 0) s.perUser.set(actor.id, left);
    else s.perUser.delete(actor.id);
  }
}
