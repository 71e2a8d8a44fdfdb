/**
 * Keeping the pane's lists live while staff type in Excel: change events arrive in bursts (a paste is many),
 * and the add-in's own writes raise them too. `debounce` waits for a pause before reading the entries again;
 * `ownWrites` marks the add-in's writes (and a short grace after, as Excel may deliver their events late) so
 * their events are ignored.
 */
export function debounce(fn: () => void, ms: number): { call: () => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    call: () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        fn();
      }, ms);
    },
    cancel: () => {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

export interface OwnWrites {
  /** Runs the add-in's own write; change events until it ends (and `graceMs` after) are its own. */
  during<T>(write: () => Promise<T>): Promise<T>;
  ignoring(): boolean;
}

export function ownWrites(graceMs = 1000, now: () => number = Date.now): OwnWrites {
  let depth = 0;
  let until = 0;
  return {
    during: async (write) => {
      depth++;
      try {
        return await write();
      } finally {
        depth--;
        until = now() + graceMs;
      }
    },
    ignoring: () => depth > 0 || now() < until,
  };
}

/** A change listener that ignores the add-in's own writes and reports staff's changes once per pause. */
export function liveListener(onChange: () => void, own: OwnWrites, ms = 400): { changed: () => void; stop: () => void } {
  const later = debounce(onChange, ms);
  return {
    changed: () => {
      if (!own.ignoring()) later.call();
    },
    stop: later.cancel,
  };
}
