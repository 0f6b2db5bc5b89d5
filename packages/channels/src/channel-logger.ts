/** Where a channel reports problems the other side only hears about in a short reply. */
export type ChannelLogger = {
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
};

/** Drops everything; the default when the caller gives no logger. */
export const silentLogger: ChannelLogger = { warn() {}, error() {} };
