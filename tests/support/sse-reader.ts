// Reads an SSE byte stream message by message, as EventSource parses it (tests only).
export type SseMessage = { event: string; id?: string; data: unknown; raw: string; comment?: string; retry?: number };

export class SseReader {
  private buffer = '';
  private readonly decoder = new TextDecoder();
  readonly seen: SseMessage[] = [];
  done = false;

  constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {}

  /** The next message matching `predicate` (earlier ones are kept in `seen`); fails after `ms`. */
  async next(predicate: (m: SseMessage) => boolean = () => true, ms = 5_000): Promise<SseMessage> {
    const deadline = Date.now() + ms;
    for (;;) {
      const message = this.take();
      if (message) {
        if (predicate(message)) return message;
        continue;
      }
      if (this.done) throw new Error(`stream ended before the expected message; saw ${JSON.stringify(this.seen.map((m) => [m.event, m.id]))}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching message within ${ms} ms; saw ${JSON.stringify(this.seen.map((m) => [m.event, m.id]))}`);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), left)));
      const chunk = await Promise.race([this.reader.read(), timeout]);
      clearTimeout(timer);
      if (chunk === 'timeout') continue;
      if (chunk.done) this.done = true;
      else this.buffer += this.decoder.decode(chunk.value, { stream: true });
    }
  }

  /** Resolves true once the stream has ended (everything before it is parsed into `seen`). */
  async ended(ms = 5_000): Promise<boolean> {
    try {
      await this.next(() => false, ms);
    } catch {
      // ended or timed out
    }
    return this.done;
  }

  private take(): SseMessage | null {
    const end = this.buffer.indexOf('\n\n');
    if (end < 0) return null;
    const block = this.buffer.slice(0, end);
    this.buffer = this.buffer.slice(end + 2);
    const message: SseMessage = { event: 'message', data: null, raw: block };
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) message.comment = line.slice(1).trim();
      else if (line.startsWith('event: ')) message.event = line.slice(7);
      else if (line.startsWith('id: ')) message.id = line.slice(4);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
      else if (line.startsWith('retry: ')) message.retry = Number(line.slice(7));
    }
    if (data.length) message.data = JSON.parse(data.join('\n'));
    if (message.comment !== undefined) message.event = 'comment';
    else if (message.retry !== undefined && !data.length) message.event = 'retry';
    this.seen.push(message);
    return message;
  }
}
