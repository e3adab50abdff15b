export class TimeoutError extends Error {}

/** Rejects with a TimeoutError when `promise` has not settled within `timeoutMs` (the work itself goes on). */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new TimeoutError(`${what}: no answer within ${timeoutMs} ms`)), timeoutMs);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/**
 * Shuts a connection down gracefully if that finishes within `timeoutMs`, otherwise forcefully: a graceful
 * close waits for a server that may be gone, and shutdown must not hang on it.
 */
export async function closeWithin(timeoutMs: number, close: () => Promise<unknown>, force: () => void): Promise<void> {
  try {
    await withTimeout(close(), timeoutMs, 'close');
  } catch {
    force();
  }
}
