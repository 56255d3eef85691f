/**
 * Reads the text frames a WebSocket server sends, from the raw bytes of one TCP connection (the
 * HTTP 101 answer first). Server frames are never masked. Connections that answer anything but
 * 101 (plain REST) are ignored. A debugging aid for TcpProxy: it lets a test log the ARI events
 * the dialer received from either target, to compare them.
 */
export class WsFrameReader {
  private buffer = Buffer.alloc(0);
  private phase: 'http' | 'frames' | 'ignored' = 'http';

  constructor(private readonly onText: (text: string) => void) {}

  push(chunk: Buffer): void {
    if (this.phase === 'ignored') return;
    this.buffer = Buffer.concat([this.buffer, chunk]);
    if (this.phase === 'http') {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const status = this.buffer.subarray(0, end).toString('latin1').split(' ')[1];
      if (status !== '101') {
        this.phase = 'ignored';
        this.buffer = Buffer.alloc(0);
        return;
      }
      this.phase = 'frames';
      this.buffer = this.buffer.subarray(end + 4);
    }
    this.readFrames();
  }

  private readFrames(): void {
    for (;;) {
      const b = this.buffer;
      if (b.length < 2) return;
      const opcode = b[0]! & 0x0f;
      let length = b[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (b.length < 4) return;
        length = b.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (b.length < 10) return;
        length = Number(b.readBigUInt64BE(2));
        offset = 10;
      }
      if (b.length < offset + length) return;
      if (opcode === 1) this.onText(b.subarray(offset, offset + length).toString('utf8'));
      this.buffer = b.subarray(offset + length);
    }
  }
}
