import type { LiveEvent } from '@sada/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';

export type LiveStatus = 'connecting' | 'open' | 'closed';
type Listener = (event: LiveEvent) => void;
type LiveContextValue = {
  status: LiveStatus;
  /** Sends a command to the server (presence); dropped while the socket is not open. */
  send(command: Record<string, unknown>): void;
  subscribe(listener: Listener): () => void;
};

const LiveContext = createContext<LiveContextValue | undefined>(undefined);

const socketUrl = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/live`;

/**
 * Keeps one WebSocket to /api/live while signed in, reconnecting with backoff. Every event marks
 * the affected queries stale so lists, counters and open cases refresh without a reload.
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const socketRef = useRef<WebSocket | undefined>(undefined);
  const listeners = useRef(new Set<Listener>());

  useEffect(() => {
    let isStopped = false;
    let attempt = 0;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;

    const connect = () => {
      setStatus('connecting');
      const socket = new WebSocket(socketUrl());
      socketRef.current = socket;
      socket.onopen = () => {
        attempt = 0;
        setStatus('open');
        // Whatever happened while we were away is fetched again.
        void queryClient.invalidateQueries({ queryKey: ['cases'] });
        void queryClient.invalidateQueries({ queryKey: ['views'] });
      };
      socket.onmessage = (message) => {
        let event: LiveEvent;
        try {
          event = JSON.parse(String(message.data)) as LiveEvent;
        } catch {
          return;
        }
        invalidateFor(event);
        for (const listener of listeners.current) listener(event);
      };
      socket.onclose = () => {
        if (socketRef.current === socket) socketRef.current = undefined;
        if (isStopped) return;
        setStatus('closed');
        attempt += 1;
        retryTimer = setTimeout(connect, Math.min(30_000, 500 * 2 ** Math.min(attempt, 6)));
      };
    };

    const invalidateFor = (event: LiveEvent) => {
      switch (event.type) {
        case 'case.created':
        case 'case.updated':
        case 'message.created':
          void queryClient.invalidateQueries({ queryKey: ['cases'] });
          void queryClient.invalidateQueries({ queryKey: ['case', event.referenceNumber] });
          void queryClient.invalidateQueries({ queryKey: ['views', 'counts'] });
          break;
        case 'problem.updated':
          // The problem's pages, the list, and the problem line of its cases.
          void queryClient.invalidateQueries({ queryKey: ['problems'] });
          void queryClient.invalidateQueries({
            predicate: (query) => query.queryKey[0] === 'case' && query.queryKey[2] === 'problem',
          });
          break;
        default:
          // Other events (presence, notifications) are handled by the components that listen for them.
          break;
      }
    };

    connect();
    return () => {
      isStopped = true;
      clearTimeout(retryTimer);
      socketRef.current?.close();
    };
  }, [queryClient]);

  const send = useCallback((command: Record<string, unknown>) => {
    const socket = socketRef.current;
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(command));
  }, []);
  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  return <LiveContext.Provider value={{ status, send, subscribe }}>{children}</LiveContext.Provider>;
}

export function useLive(): LiveContextValue {
  const value = useContext(LiveContext);
  if (!value) throw new Error('useLive must be used inside <LiveProvider>');
  return value;
}

/** Calls `onEvent` for every live event while the component is mounted. */
export function useLiveEvent(onEvent: Listener) {
  const { subscribe } = useLive();
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => subscribe((event) => handler.current(event)), [subscribe]);
}
