/**
 * The one logger. pino writes JSON lines (for machines and CI); on a TTY it is piped through
 * pino-pretty so a person reads short coloured lines. Everything logs through a `Logger` passed in:
 * no module keeps its own.
 */
import { pino, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

export interface LogOptions {
  level: string;
  /** Pretty output for people; JSON otherwise. Defaults to "stderr is a TTY". */
  pretty?: boolean;
}

export function createLogger(options: LogOptions): Logger {
  const pretty = options.pretty ?? Boolean(process.stderr.isTTY);
  if (pretty) {
    return pino({
      level: options.level,
      transport: {
        target: 'pino-pretty',
        options: { destination: 2, colorize: true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname' },
      },
    });
  }
  return pino({ level: options.level }, pino.destination(2));
}

/** A logger that drops everything: for tests and library callers that want silence. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
